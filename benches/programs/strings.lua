-- strings: string.format, gsub (with a string, a table and a function as replacement),
-- find, match and gmatch.
local lines = {}
for i = 1, 600 do
  lines[i] = string.format("%5d|%-8s|%08.3f|%x|%q", i, "item" .. i % 17, i / 7, i * 2654435761 % 4294967296, "v" .. i)
end
local text = table.concat(lines, "\n")

local sum = 0
local replaced, n = text:gsub("item(%d+)", "thing%1")
sum = sum + #replaced + n
local upper = text:gsub("%a+", string.upper)
sum = sum + #upper
local codes = { ["1"] = "one", ["2"] = "two", ["3"] = "three" }
local named = text:gsub("%d", codes)
sum = sum + #named
for number in text:gmatch("|(%d+%.%d+)|") do
  sum = sum + #number
end
for i = 1, #lines, 7 do
  local a, b = lines[i]:find("|", 1, true)
  local hex = lines[i]:match("|(%x+)|")
  sum = sum + a + b + #hex
end
local formatted = {}
for i = 1, 2000 do
  formatted[#formatted + 1] = string.format("%d:%.2f:%s:%5.1e", i, i / 3, i % 2 == 0, i * 1e3)
end
return sum + #table.concat(formatted)
