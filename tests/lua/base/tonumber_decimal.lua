-- tonumber without base: integers, floats, hex, exponents, whitespace, overflow to float, rejects.
local inputs = {'0', '-0', '+5', '  12  ', '1e1', '1E-1', '.5', '5.', '-.5', '0x', '0xA', '-0x10', '0x1p-2', '0X1.8P1',
  '1e309', '-1e309', '0x7fffffffffffffff', '0x8000000000000000', '9223372036854775807', '9223372036854775808',
  '1 ', ' 1', '1a', 'a1', '--1', '+-1', '1e', '1e+', '0x1p', 'inf', '-inf', 'nan', 'infinity', '0x.', '.', '',
  '1_000', '١', '1\n', '\v1\f', '0b1', '08', '1.2.3', '0x1.2.3', '0e0', '0x0p0', '1' .. string.rep('0', 30)}
for _, s in ipairs(inputs) do
  local n = tonumber(s)
  print(string.format('%q', s), n, math.type(n))
end
print(tonumber(5), tonumber(5.5), tonumber({}), tonumber(true), tonumber(print))
