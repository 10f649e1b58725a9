-- math.tointeger, math.type and math.ult over every kind of argument.
local vals = {3, 3.0, 3.5, -0.0, 2^53, 2^63, -2^63, 1/0, 0/0, '8', '8.0', 'x', {}, nil, true}
for i = 1, 15 do local v = vals[i] print(i, math.tointeger(v), math.type(v)) end
print(pcall(math.type))
print(math.ult(1, 2), math.ult(2, 1), math.ult(-1, 1), math.ult(1, -1), math.ult(0, math.mininteger), math.ult(math.maxinteger, math.mininteger))
print(math.ult(-2, -1), math.ult(5, 5), pcall(math.ult, 1.5, 2), pcall(math.ult, 1))
print(math.ult(1.0, 2), pcall(math.ult, 'x', 1))
