-- Endless recursion through metamethods: each operator calls itself again, in C
-- (luaT_callTM) as much as in Lua. Each attempt must end in "stack overflow".
local results = {}
local function try(name, f)
  local ok, e = pcall(f)
  results[#results + 1] = name .. ': ' .. tostring(ok) .. ' ' .. tostring(e):match('stack overflow')
end
local mt = {}
mt.__add = function(a, b) return a + b end
mt.__concat = function(a, b) return a .. b end
mt.__eq = function(a, b) return a == b end
mt.__lt = function(a, b) return a < b end
mt.__le = function(a, b) return a <= b end
mt.__len = function(a) return #a end
mt.__unm = function(a) return -a end
mt.__index = function(t, k) return t[k] end
mt.__newindex = function(t, k, v) t[k] = v end
mt.__tostring = function(t) return tostring(t) end
local a, b = setmetatable({}, mt), setmetatable({}, mt)
try('add', function() return a + 1 end)
try('concat', function() return a .. 'x' end)
try('eq', function() return a == b end)
try('lt', function() return a < b end)
try('le', function() return a <= b end)
try('len', function() return #a end)
try('unm', function() return -a end)
try('index', function() return a.x end)
try('newindex', function() a.x = 1 end)
try('tostring', function() return tostring(a) end)
return table.concat(results, '\n')
