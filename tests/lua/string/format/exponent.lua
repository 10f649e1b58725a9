-- %e and %E with precisions and flags, subnormals and exponent widths.
local fmts = {'%e', '%E', '%.0e', '%#.0e', '%.3e', '%15.4e', '%-15.2e|', '%+e', '% .2e', '%015.3e', '%.17e'}
local vals = {0.0, -0.0, 1.0, 0.1, 123456789.0, 1e-300, 5e-324, 1.7976931348623157e308, 9.9999999, 0.5, -2.5e-5, 42}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
