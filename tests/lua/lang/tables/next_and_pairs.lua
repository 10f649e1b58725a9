-- next and pairs over arrays and hashes (compared after sorting); modifying during traversal.
local t = {10, 20, 30, a = 'x', b = 'y'}
local keys = {} for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. '=' .. tostring(v) end
table.sort(keys) print(table.concat(keys, ' '))
print(next({}), next({5}), type(next), select('#', next({})))
local k, v = next({'only'}) print(k, v, next({'only'}, 1))
print(pcall(next, {}, 'nokey'))
print(pcall(next, 5))
local m = {a = 1, b = 2, c = 3}
for k in pairs(m) do m[k] = nil end
print(next(m))
local arr = {} for i = 1, 5 do arr[i] = i end
local sum = 0 for k, v in pairs(arr) do sum = sum + v arr[k] = v * 2 end
print(sum, arr[1], arr[5])
local count = 0 for _ in pairs(setmetatable({}, {__index = {1, 2, 3}})) do count = count + 1 end print(count)
