-- string builder: growing strings with table.concat and with repeated `..`.
local total, sum = 0, 0
for round = 1, 4 do
  local parts = {}
  for i = 1, 5000 do
    parts[#parts + 1] = tostring(i * round)
  end
  total = total + #table.concat(parts, ",")

  local line = ""
  for i = 1, 500 do
    line = line .. string.char(97 + (i + round) % 26)
  end
  for i = 1, #line, 7 do sum = sum + line:byte(i) end

  local pieces = {}
  for i = 1, 1000 do
    pieces[i] = "<" .. i .. ":" .. (i * round) .. ">"
  end
  total = total + #table.concat(pieces)
end
return total .. " " .. sum
