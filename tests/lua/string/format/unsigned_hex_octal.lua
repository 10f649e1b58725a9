-- %x %X %o with flags: negative integers print as 64-bit unsigned; # adds prefixes.
local fmts = {'%x', '%X', '%o', '%#x', '%#X', '%#o', '%8x', '%-8x|', '%08x', '%.4x', '%#.4x', '%#08x', '%#.0o', '%.0x', '%#10.6X'}
local vals = {0, 1, 255, 4096, -1, math.mininteger, math.maxinteger, 0xdeadbeef}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
