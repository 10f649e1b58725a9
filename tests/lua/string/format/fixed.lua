-- %f and %F with precisions, widths and flags, including rounding ties and huge values.
local fmts = {'%f', '%.0f', '%.1f', '%.2f', '%.10f', '%12.3f', '%-12.3f|', '%+f', '% f', '%012.3f', '%#.0f', '%+.3f', '%.20f'}
local vals = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-7, 123.456, 1e15, 1e22, 2^63, -1/3, 3}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
print(string.format('%.3f %.3f %.3f', 1e300, -1e300, 2^-1074))
