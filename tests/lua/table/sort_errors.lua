-- table.sort errors: incomparable values, bad comparator argument, invalid order functions.
print(pcall(table.sort, {1, 'x', 2}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2}, 'notafunction'))
print(pcall(table.sort, 'str'))
print(pcall(table.sort, {1, nil, 3}))
print(pcall(table.sort, {3, 1, 2}, function(a, b) error('cmp failed') end))
local t = {} for i = 1, 100 do t[i] = i % 7 end
local ok, err = pcall(table.sort, t, function(a, b) return true end)
print(ok, err)
local t2 = {} for i = 1, 50 do t2[i] = 50 - i end
print(pcall(table.sort, t2, function(a, b) return a <= b end))
local proxy = setmetatable({}, {__len = function() return 3 end, __index = {3, 1, 2}, __newindex = function(t, k, v) rawset(t, k, v) end})
print(pcall(table.sort, proxy), rawget(proxy, 1), rawget(proxy, 2), rawget(proxy, 3))
