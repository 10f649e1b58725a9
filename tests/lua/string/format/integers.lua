-- %d %i with flags, widths and precisions over edge integers.
local fmts = {'%d', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%8.3d', '%-8.3d|', '%+.0d', '%.0d', '%+05d', '% 05d', '%i', '%-+6i|'}
local vals = {0, 1, -1, 42, -42, 123456, math.maxinteger, math.mininteger, 7.0}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
