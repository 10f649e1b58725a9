-- os.date('!...') with every strftime conversion of C99, at fixed times (UTC, so the same everywhere).
local times = {0, 86399, 951782400, 1709251199, 1234567890, -86400, 253402300799, 1704067200, 1735603200}
local convs = 'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%'
for _, t in ipairs(times) do
  local row = {}
  for c in convs:gmatch('.') do row[#row + 1] = c .. '=' .. os.date('!%' .. c, t) end
  print(t, table.concat(row, '|'))
end
