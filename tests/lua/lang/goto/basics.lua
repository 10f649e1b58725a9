-- goto: loops, continue idiom, jumping out of nested loops, backward jumps.
for i = 1, 5 do
  if i % 2 == 0 then goto continue end
  io_s = (io_s or '') .. i
  ::continue::
end
print(io_s)
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then print('found', i, j) goto done end
  end
end
::done::
local n = 0
::again:: n = n + 1
if n < 5 then goto again end
print(n)
do goto skip print('never') ::skip:: end
local k = 0
while true do
  k = k + 1
  if k > 3 then goto out end
end
::out:: print(k)
