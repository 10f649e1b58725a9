-- while, repeat-until and break in nested loops.
local i, out = 0, {}
while true do i = i + 1 if i > 4 then break end out[#out + 1] = i end
print(table.concat(out, ' '))
local j = 10 repeat j = j - 3 until j < 0 print(j)
local pairs_found = {}
for a = 1, 3 do
  for b = 1, 3 do
    if b > a then break end
    pairs_found[#pairs_found + 1] = a .. b
  end
end
print(table.concat(pairs_found, ' '))
local k = 0 while k < 1000 do k = k + 7 end print(k)
local r = 0 repeat local stop = r > 2 r = r + 1 until stop print(r)
