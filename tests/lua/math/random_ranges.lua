-- math.random ranges are honoured over many draws with a fixed seed (bounds and distribution).
math.randomseed(31337)
local lo, hi, seen = math.huge, -math.huge, {}
for i = 1, 5000 do local r = math.random(-3, 3) if r < lo then lo = r end if r > hi then hi = r end seen[r] = (seen[r] or 0) + 1 end
local counts = {} for v = -3, 3 do counts[#counts + 1] = seen[v] end
print(lo, hi, table.concat(counts, ' '))
local fmin, fmax = 1, 0 for i = 1, 5000 do local f = math.random() if f < fmin then fmin = f end if f > fmax then fmax = f end end
print(string.format('%.17g %.17g', fmin, fmax))
local big = {} for i = 1, 5 do big[i] = math.random(math.maxinteger - 10, math.maxinteger) end print(table.concat(big, ' '))
