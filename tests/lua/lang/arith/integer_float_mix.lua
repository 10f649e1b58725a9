-- Results of mixed integer/float operations and their subtypes.
local ops = {
  function(a, b) return a + b end, function(a, b) return a - b end, function(a, b) return a * b end,
  function(a, b) return a / b end, function(a, b) return a // b end, function(a, b) return a % b end,
  function(a, b) return a ^ b end,
}
for _, pair in ipairs({{6, 4}, {6.0, 4}, {6, 4.0}, {-6, 4}, {6, -4.5}, {'6', 4}, {6, '4.0'}}) do
  local row = {}
  for _, f in ipairs(ops) do local r = f(pair[1], pair[2]) row[#row + 1] = r .. ':' .. math.type(r) end
  print(table.concat(row, ' '))
end
