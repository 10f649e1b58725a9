-- inf, -inf, nan and -0.0 in every float conversion and with flags.
local vals = {1/0, -1/0, -0.0}
local fmts = {'%f', '%e', '%E', '%g', '%G', '%a', '%A', '%10f|', '%-10e|', '%+g', '% a', '%010f', '%.3f', '%#g'}
for _, f in ipairs(fmts) do
  local row = {}
  for _, v in ipairs(vals) do row[#row + 1] = string.format(f, v) end
  print(f, table.concat(row, ' '))
end
local nan = 0/0
local n1, n2 = string.format('%f', nan), string.format('%f', -nan)
print(n1:match('nan') ~= nil, n2:match('nan') ~= nil, #string.format('%10.3f', nan), tostring(nan):match('nan') ~= nil)
print(string.format('%5.1s|%q|%q|%q', 'inf', 1/0, -1/0, -0.0))
