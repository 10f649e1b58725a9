-- %a and %A: hexadecimal floats with precisions, subnormals, zero, infinities.
local fmts = {'%a', '%A', '%.0a', '%.1a', '%.3a', '%.13a', '%.20a', '%20a|', '%-20a|', '%+a', '% a', '%#a', '%020a'}
local vals = {0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 1/3, 255.5, 2^-1074, 2^-1022, 1.7976931348623157e308, 1e-320, 3, 1.5, 1.96875}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
