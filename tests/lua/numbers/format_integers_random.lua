-- Pseudo-random integers formatted with %d %x %o %X and widths agree; checksum of all outputs.
math.randomseed(99)
local sum = 0
for i = 1, 1000 do
  local n = math.random(math.mininteger, math.maxinteger) >> math.random(0, 63)
  if i % 2 == 0 then n = -n end
  local s = string.format('%d %x %X %o %+25d %-25x| %.20d', n, n, n, n, n, n, n)
  for j = 1, #s, 3 do sum = (sum * 131 + s:byte(j)) % 2147483647 end
  if i <= 5 then print(s) end
end
print(sum)
