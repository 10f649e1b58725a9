-- table.pack keeps n with nils; table.unpack with ranges; varargs through functions.
local t = table.pack(1, nil, 3, nil)
print(t.n, t[1], t[2], t[3], t[4], #table.pack())
print(table.unpack(t, 1, t.n))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({'a', 'b'}, 2, 3))
print(select('#', table.unpack({}, 1, 0)), select('#', table.unpack({n = 3}, 1, 3)))
print(pcall(table.unpack, {}, 1, 1e7))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
local function pass(...) return ... end
print(select('#', pass(nil, nil, nil)), pass(1, 2, 3))
local function count(...) return select('#', ...) end
print(count(pass()), count(pass(), 1), count((pass(1, 2))))
print(table.unpack(setmetatable({}, {__index = function(_, i) return i * 2 end}), 1, 4))
