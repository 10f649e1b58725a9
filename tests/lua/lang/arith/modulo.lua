-- Modulo % takes the sign of the divisor; float modulo by zero is nan, inf cases.
for _, a in ipairs({7, -7, 0, 5, -5}) do
  local row = {}
  for _, b in ipairs({3, -3, 1, -1, 5, -5}) do row[#row + 1] = a % b end
  print(a, table.concat(row, ' '))
end
print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2, 5 % 2.5, -0.0 % 1)
print(math.mininteger % -1, math.mininteger % 2, math.maxinteger % -2, math.mininteger % math.maxinteger)
print(1 % math.huge, -1 % math.huge, 1 % -math.huge, -1 % -math.huge, math.huge % 2 ~= math.huge % 2)
print(5 % 0.0 ~= 5 % 0.0, 0.0 % 0 ~= 0.0 % 0, math.type(5 % 2), math.type(5 % 2.0))
print(3 % -math.huge, -3 % math.huge, 0 % -2, 0.0 % -2)
print(string.format('%.17g', 0.3 % 0.1), string.format('%.17g', -0.3 % 0.1), string.format('%.17g', 1e20 % 7))
