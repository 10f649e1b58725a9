-- Multiple assignment: all expressions evaluated before assigning; extra values dropped, missing ones nil.
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 'x'
print(i, t[1], t[2])
local function two() return 'p', 'q' end
local x, y, z = two() print(x, y, z)
x, y, z = two(), 'r' print(x, y, z)
x, y, z = 0, two() print(x, y, z)
x, y = (two()) print(x, y)
local u = {two(), two()} print(#u, u[1], u[2], u[3])
local v = {two(), (two())} print(#v)
local m, n = 1 print(m, n)
