-- Accumulating sums with integer and float loop variables keeps the subtype of the result.
local si, sf = 0, 0.0
for i = 1, 100 do si = si + i sf = sf + i end
print(si, sf, math.type(si), math.type(sf))
local p = 1 for i = 1, 20 do p = p * i end print(p, math.type(p))
local q = 1 for i = 1, 25 do q = q * i end print(q)
local h = 0 for i = 1, 1000 do h = h + 1 / i end print(string.format('%.17g', h))
local alt = 0 for i = 0, 10000 do alt = alt + (-1) ^ i / (2 * i + 1) end print(string.format('%.15g', 4 * alt))
