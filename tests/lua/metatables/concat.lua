-- __concat: either operand, with numbers and strings, right associativity of chains.
local mt = {__concat = function(a, b)
  local function s(x) return type(x) == 'table' and x.v or tostring(x) end
  return setmetatable({v = '(' .. s(a) .. '+' .. s(b) .. ')'}, getmetatable(type(a) == 'table' and a or b))
end}
local function obj(v) return setmetatable({v = v}, mt) end
print((obj('a') .. 'b').v, ('a' .. obj('b')).v, (1 .. obj('x')).v, (obj('x') .. 2.5).v)
print(('a' .. 'b' .. obj('c') .. 'd').v)
print((obj('p') .. obj('q')).v)
print(pcall(function() return {} .. 'x' end))
print(pcall(function() return 'x' .. setmetatable({}, {}) end))
local plain = setmetatable({}, {__concat = function() return 'plain result' end})
print(plain .. nil, nil .. plain, true .. plain)
