-- The base library's global names (sorted), _G and _ENV, _VERSION.
local names = {}
for _, k in ipairs({'assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load', 'loadfile', 'next', 'pairs',
  'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require', 'select', 'setmetatable', 'tonumber', 'tostring',
  'type', 'warn', 'xpcall', 'coroutine', 'debug', 'math', 'os', 'package', 'string', 'table', 'utf8', 'unpack', 'loadstring', 'setfenv', 'module'}) do
  names[#names + 1] = k .. '=' .. type(_G[k])
end
print(table.concat(names, ' '))
print(_G._G == _G, _ENV == _G, _VERSION, _G._VERSION)
x_global = 1 print(_G.x_global, _ENV.x_global, rawget(_G, 'x_global'))
_G.y_global = 2 print(y_global)
local libs = {'string', 'table', 'math', 'utf8', 'coroutine', 'os', 'debug', 'package'}
for _, lib in ipairs(libs) do
  local fns = {} for k in pairs(_G[lib]) do fns[#fns + 1] = k end table.sort(fns)
  print(lib, #fns, table.concat(fns, ' '))
end
