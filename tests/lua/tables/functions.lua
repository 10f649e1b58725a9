-- table.insert/remove/concat/unpack/move/sort, including errors.
local t = {5, 2, 8, 1, 9, 3}
table.sort(t) print(table.concat(t, ' '))
table.sort(t, function(a, b) return a > b end) print(table.concat(t, ' '))
local words = {'banana', 'Apple', 'cherry', 'apple'}
table.sort(words) print(table.concat(words, ','))
print(pcall(table.sort, {3, 'x', 1}))
print(pcall(table.sort, {1, 2, 3, 4, 5}, function() return true end))
table.insert(t, 1, 100) table.insert(t, 7) print(table.concat(t, ','), table.remove(t, 1), table.remove(t), #t)
print(table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5))
print(table.concat({}, 'x'), table.concat({1, 2.5, 'z'}, '-'), pcall(table.concat, {{}}))
local moved = table.move({1, 2, 3}, 1, 3, 2) print(table.concat(moved, ','))
print(table.concat(table.move({1, 2, 3}, 1, 3, 1, {}), ','), select('#', table.unpack({}, 1, 3)))
print(pcall(table.insert, {}, 5, 1), pcall(table.insert, {}, 1, 2, 3))
local big = {} for i = 1, 1000 do big[i] = (i * 7919) % 1000 end table.sort(big)
local ok = true for i = 2, #big do ok = ok and big[i - 1] <= big[i] end print(ok, #big)
return #{1, 2, 3, nil, 5} >= 3, next({}), rawlen({1, 2}), rawequal(t, t)
