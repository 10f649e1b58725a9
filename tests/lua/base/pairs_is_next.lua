-- pairs returns the global next function, as in native Lua.
print(pairs({}) == next, select('#', pairs({})))
local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, 'one' end end, t, nil end})
for k, v in pairs(t) do print(k, v) end
print(pcall(pairs))
