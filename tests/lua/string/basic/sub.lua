-- string.sub with every combination of negative, zero, and out-of-range indices.
local s = 'hello'
local idx = {math.mininteger, -10, -5, -3, -1, 0, 1, 2, 5, 6, 10, math.maxinteger}
for _, i in ipairs(idx) do
  local row = {}
  for _, j in ipairs(idx) do row[#row + 1] = '[' .. s:sub(i, j) .. ']' end
  print(i, table.concat(row))
end
print(s:sub(2), s:sub(-2), s:sub(0), ('').sub('', 1, 1), pcall(string.sub))
print(pcall(string.sub, s, 'x'), s:sub('2', '3'), s:sub(2.0, 3.0), pcall(string.sub, s, 1, 2.5))
