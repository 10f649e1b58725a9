-- Every pattern class (%a %c %d %g %l %p %s %u %w %x and complements) over all 256 bytes (C locale).
local all = {} for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, c in ipairs({'a', 'c', 'd', 'g', 'l', 'p', 's', 'u', 'w', 'x', 'A', 'C', 'D', 'G', 'L', 'P', 'S', 'U', 'W', 'X'}) do
  local codes = {}
  for ch in all:gmatch('%' .. c) do codes[#codes + 1] = ch:byte() end
  local ranges, i = {}, 1
  while i <= #codes do
    local j = i
    while j < #codes and codes[j + 1] == codes[j] + 1 do j = j + 1 end
    ranges[#ranges + 1] = codes[i] == codes[j] and tostring(codes[i]) or codes[i] .. '-' .. codes[j]
    i = j + 1
  end
  print('%' .. c, #codes, table.concat(ranges, ','))
end
print(('.'):rep(3):gsub('.', '%%'), all:find('%z'), #all:gsub('[%z]', ''))
