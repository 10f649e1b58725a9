-- table.move: forward and backward overlapping moves, to another table, metamethods, errors.
local function show(t, n) local o = {} for i = 1, n do o[i] = tostring(t[i]) end return table.concat(o, ' ') end
print(show(table.move({1, 2, 3, 4, 5}, 1, 3, 2), 5))
print(show(table.move({1, 2, 3, 4, 5}, 2, 5, 1), 5))
print(show(table.move({1, 2, 3}, 1, 3, 1, {}), 3))
print(show(table.move({1, 2, 3}, 1, 0, 1, {'keep'}), 2))
print(show(table.move({1, 2, 3}, 2, 3, 5), 6))
local dst = {} print(table.move({'a', 'b'}, 1, 2, 3, dst) == dst, show(dst, 4))
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 1))
print(select('#', table.move({1}, 1, 1, math.maxinteger)), type(table.move({1}, 1, 1, math.maxinteger)))
print(pcall(table.move, {1}, 1, 1))
print(pcall(table.move, 1, 1, 1, 1))
local log = {}
local src = setmetatable({}, {__index = function(_, k) log[#log + 1] = 'get' .. k return k * 100 end})
local tgt = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = 'set' .. k rawset(t, k, v) end})
table.move(src, 1, 3, 1, tgt) print(table.concat(log, ' '), show(tgt, 3))
print(show(table.move({1, 2, 3}, math.mininteger, math.mininteger + 1, 1, {}), 2))
