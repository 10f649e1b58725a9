-- __newindex: functions, redirect tables, only for absent keys, rawset bypass.
local log = {}
local t = setmetatable({existing = 1}, {__newindex = function(t, k, v) log[#log + 1] = k .. '=' .. tostring(v) rawset(t, k, v) end})
t.new = 'n' t.existing = 2 t.new = 'n2'
print(table.concat(log, ' '), t.existing, t.new)
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = 1 print(rawget(proxy, 'a'), store.a, proxy.a)
local ro = setmetatable({}, {__newindex = function(_, k) error('read-only: ' .. k, 2) end})
print(pcall(function() ro.x = 1 end))
rawset(ro, 'x', 'raw') print(ro.x)
local chained = setmetatable({}, {__newindex = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = 'deep ' .. k end})})
chained.z = 1 print(log[#log], rawget(chained, 'z'))
local arr = setmetatable({}, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
arr[1] = 5 arr[2] = 6 print(arr[1], arr[2], #arr)
print(pcall(function() local bad = setmetatable({}, {__newindex = 5}) bad.x = 1 end))
