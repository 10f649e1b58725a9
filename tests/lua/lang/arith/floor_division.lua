-- Floor division // rounds towards minus infinity for integers and floats of every sign.
for _, a in ipairs({7, -7, 0, 1, -1, 6, -6}) do
  local row = {}
  for _, b in ipairs({3, -3, 1, -1, 7, -7}) do row[#row + 1] = a // b end
  print(a, table.concat(row, ' '))
end
print(7.0 // 2, -7.0 // 2, 7 // 2.0, -7.5 // 2, 7.5 // -2, -0.0 // 1, 0.0 // -1)
print(math.mininteger // -1, math.mininteger // 1, math.maxinteger // -1, math.mininteger // 2)
print(1 // 0.0, -1 // 0.0, 0 // 0.0 ~= 0 // 0.0, 1.0 // 0, math.type(3 // 1), math.type(3 // 1.0))
print(5.3 // 0.1, 1e308 // 1e-308, 3 // math.huge, -3 // math.huge, 3 // -math.huge)
