-- Sorting arrays with integer/float mixes, infinities, duplicates, and integer limits.
local t = {3, 1.5, -0.0, 0, math.huge, -math.huge, math.maxinteger, math.mininteger, 2^53, 2^53 + 1, 1, 1.0, -1}
table.sort(t)
local out = {} for i, v in ipairs(t) do out[i] = tostring(v) end print(table.concat(out, ' '))
local dup = {} for i = 1, 60 do dup[i] = i % 3 end table.sort(dup) print(table.concat(dup, ''))
table.sort(dup, function(a, b) return a > b end) print(table.concat(dup, ''))
local rev = {} for i = 1, 100 do rev[i] = 101 - i end table.sort(rev) print(rev[1], rev[50], rev[100])
