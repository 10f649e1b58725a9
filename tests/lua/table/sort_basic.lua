-- table.sort of numbers, strings, mixed int/float, with and without comparators; stable outputs only.
local function show(t) return table.concat(t, ' ') end
local a = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0} table.sort(a) print(show(a))
table.sort(a, function(x, y) return x > y end) print(show(a))
local f = {3.5, 1, 2.25, -1, 0, -0.5, 10, 1e100, -math.huge, math.huge} table.sort(f) print(show(f))
local s = {'pear', 'Apple', 'fig', 'apple', 'Fig', '', 'a', 'b10', 'b9'} table.sort(s) print(show(s))
table.sort(s, function(x, y) return #x < #y or (#x == #y and x < y) end) print(show(s))
local e = {} table.sort(e) print(#e)
local one = {42} table.sort(one) print(one[1])
local recs = {{n = 'b', v = 2}, {n = 'a', v = 3}, {n = 'c', v = 1}}
table.sort(recs, function(x, y) return x.v < y.v end)
print(recs[1].n, recs[2].n, recs[3].n)
local big = {} for i = 1, 500 do big[i] = (i * 7919) % 503 end table.sort(big)
local ok = true for i = 2, #big do if big[i - 1] > big[i] then ok = false end end print(ok, big[1], big[500])
