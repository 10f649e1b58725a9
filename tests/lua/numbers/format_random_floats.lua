-- Pseudo-random doubles (fixed seed) formatted with %.17g, %.14g, %e, %a and %f agree digit for digit.
math.randomseed(2024)
local checksum = 0
local shown = {}
for i = 1, 400 do
  local mant = math.random() * 2 - 1
  local e = math.random(-320, 308)
  local x = mant * 10.0 ^ e
  local s = string.format('%.17g|%.14g|%.3e|%a|%.0f', x, x, x, x, x)
  for j = 1, #s do checksum = (checksum * 31 + s:byte(j)) % 4294967296 end
  if i <= 12 then shown[#shown + 1] = s end
end
print(table.concat(shown, '\n'))
print(checksum)
