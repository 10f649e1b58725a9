-- Numeric for near the integer limits never overflows; loops with zero iterations.
local function run(a, b, c)
  local out = {}
  for i = a, b, c do out[#out + 1] = i if #out > 5 then break end end
  return table.concat(out, ' ')
end
print(run(math.maxinteger - 2, math.maxinteger, 1))
print(run(math.mininteger, math.mininteger + 2, 1))
print(run(math.mininteger + 2, math.mininteger, -1))
print(run(math.maxinteger, math.maxinteger - 2, -1))
print(run(1, 0, 1), run(0, 1, -1), run(math.maxinteger, math.mininteger, 1))
print(run(math.mininteger, math.maxinteger, math.maxinteger))
print(run(math.maxinteger, math.mininteger, math.mininteger))
print(run(1, 3.5, 1), run(1, math.huge, 2^62), run(-3, -math.huge, -2^62))
print(run(0, 10, 4), run(10, 0, -4), run(1, 1, 1), run(5, 1.5, -1))
print(run(math.maxinteger - 1, 2^63, 1))
print(run(math.mininteger, -2^63 - 1e5, -1))
