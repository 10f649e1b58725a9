-- %g and %G choose fixed or exponent notation; # keeps trailing zeros; precision 0 means 1.
local fmts = {'%g', '%G', '%.0g', '%.1g', '%.3g', '%.10g', '%.17g', '%#g', '%#.3g', '%10g|', '%-10g|', '%+g', '%010g', '% g'}
local vals = {0.0, -0.0, 1.0, 100000.0, 1000000.0, 1e-4, 1e-5, 123456.789, 0.0001234, 1e100, 2^53, 0.1, 5e-324, 99999.95, 9.9999e-5}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
