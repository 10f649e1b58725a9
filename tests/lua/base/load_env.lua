-- load with a custom environment: globals resolve in it; _ENV upvalue; setting globals in it.
local env = {x = 10, print = print}
local f = load('y = x * 2 return x, y', 'envchunk', 't', env)
print(f(), env.y, y)
local g = load('return _ENV', 'e', 't', env) print(g() == env)
local h = load('return x', 'nil env', 't', nil) print(pcall(h))
local i = load('local a = 1 return a') print(debug.getupvalue(i, 1), select(2, debug.getupvalue(i, 1)) == _G)
local j = load('return tostring', 'restricted', 't', {}) print(j())
local shared = {counter = 0}
local inc = load('counter = counter + 1 return counter', 'inc', 't', shared)
inc() inc() print(inc(), shared.counter)
local k = load('x = 1', 'k', 't', setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 100) end}))
k() print(debug.getupvalue(k, 1), select(2, debug.getupvalue(k, 1)).x)
