-- A table of // and % results for operand pairs around zero and the integer limits.
local vals = {math.mininteger, math.mininteger + 1, -7, -2, -1, 1, 2, 7, math.maxinteger - 1, math.maxinteger}
local sum = 0
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs(vals) do
    local q, r = a // b, a % b
    row[#row + 1] = q .. '/' .. r
    assert(b * q + r == a, 'identity')
  end
  print(table.concat(row, ' '))
end
