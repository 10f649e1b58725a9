-- C-stack overflow through metamethods and nested pcall gives an error, not a crash.
local mt = {} mt.__index = function(t, k) return t[k .. 'x'] end
local ok, e = pcall(function() return setmetatable({}, mt).a end)
print(ok, (e:gsub('^.-:%d+: ', '')))
local function nest(n) return pcall(nest, n + 1) end
local ok2, e2 = nest(0) print(ok2, e2)
local deep = setmetatable({}, {__tostring = function(t) return tostring(t) end})
print(pcall(tostring, deep))
local co_depth = 0
local function co_nest() co_depth = co_depth + 1 local c = coroutine.wrap(co_nest) return c() end
local ok3, e3 = pcall(co_nest) print(ok3, e3:sub(-16), co_depth > 100)
print(pcall(string.rep, 'x', -1))
