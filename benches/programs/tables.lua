-- tables: insert, look up and remove, with integer keys (array part) and string keys
-- (hash part), through table.insert/table.remove and plain assignment.
local sum = 0
for round = 1, 2 do
  local array = {}
  for i = 1, 2000 do table.insert(array, i * round) end
  for i = 1, 200 do table.insert(array, 1 + i * 7, i) end
  for _ = 1, 400 do sum = sum + table.remove(array) end
  for i = 1, 100 do sum = sum + table.remove(array, 1 + i * 3) end
  for i = 1, #array do sum = sum + array[i] end

  local hash = {}
  for i = 1, 1500 do hash["k" .. i] = i end
  for i = 1, 1500, 3 do hash["k" .. i] = nil end
  for i = 1, 1500 do
    local v = hash["k" .. i]
    if v then sum = sum + v end
  end
  local n = 0
  for _, v in pairs(hash) do n = n + v end
  sum = sum + n

  local sparse = {}
  for i = 1, 1500 do sparse[i * 13] = i end
  for i = 1, 1500 do sum = sum + (sparse[i * 13] or 0) - (sparse[i] or 0) end
end
return sum
