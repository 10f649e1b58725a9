-- Tables with default values and read-only proxies built from __index and __newindex.
local function with_default(d) return setmetatable({}, {__index = function() return d end}) end
local counts = with_default(0)
for w in ('a b a c b a'):gmatch('%a') do counts[w] = counts[w] + 1 end
print(counts.a, counts.b, counts.c, counts.z)
local function readonly(t)
  return setmetatable({}, {__index = t, __newindex = function(_, k) error('attempt to update read-only field ' .. tostring(k), 2) end, __len = function() return #t end, __pairs = function() return next, t, nil end})
end
local days = readonly({'Mon', 'Tue', 'Wed'})
print(days[1], #days, pcall(function() days[4] = 'Thu' end))
local keys = {} for k, v in pairs(days) do keys[#keys + 1] = k .. v end print(table.concat(keys, ' '))
