-- Unary minus on numeric strings uses the string metatable; # on strings is the byte length.
print(-'2', -'-2', -'0x10', -' 3 ', math.type(-'2'), math.type(-'2.0'))
print(#'', #'abc', #'\0\0', #'é')
print(pcall(function() return -'x' end))
local smt = getmetatable('')
print(smt.__unm('5'), pcall(smt.__unm, 'z'))
print(smt.__add('1', '2'), smt.__mul(3, '4'), smt.__idiv('7', 2), smt.__mod('7', '3'), smt.__pow('2', 3))
