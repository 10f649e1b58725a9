-- math.pi, math.huge, math.maxinteger, math.mininteger and their printed forms.
print(math.pi, string.format('%.17g', math.pi), math.pi == 3.141592653589793, math.type(math.pi))
print(math.huge, -math.huge, math.huge == 1/0, math.type(math.huge), math.huge > math.maxinteger)
print(math.maxinteger, math.mininteger, math.maxinteger + math.mininteger, math.type(math.maxinteger))
print(math.maxinteger == 0x7fffffffffffffff, math.mininteger == 1 << 63, -math.mininteger == math.mininteger)
print(string.format('%a', math.pi), string.format('%q', math.pi), math.pi * 2)
local names = {} for k in pairs(math) do names[#names + 1] = k end table.sort(names) print(table.concat(names, ' '))
