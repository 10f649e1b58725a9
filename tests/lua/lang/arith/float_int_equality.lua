-- Integers and floats compare by mathematical value, even beyond 2^53.
print(1 == 1.0, 2^53 == 2^53 + 1, math.tointeger(2^53) == 2^53)
print(9007199254740993 == 2^53, 9007199254740993 < 2^53 + 2, 9007199254740993 > 2^53)
print(math.maxinteger == 2^63, math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63)
print(math.mininteger == -2^63, math.mininteger < -2^63, math.mininteger <= -2^63)
print(math.maxinteger < math.huge, math.mininteger > -math.huge, 1 < 0/0, 1 > 0/0, 1 == 0/0)
print(-0.0 == 0, 0.0 == 0, 3 <= 3.0, 3 < 3.5, 4 > 3.5, -1 < -0.5)
print(9007199254740992 < 9007199254740993.0, 9007199254740993 <= 9007199254740992.0)
print(2^63 > math.maxinteger, -(2^63) >= math.mininteger, 2^64 > math.maxinteger, -2^64 < math.mininteger)
local t = {} t[1] = 'int' t[1.0] = 'float' t[2^53] = 'big'
print(t[1], #t, t[2^53], t[9007199254740992], math.type(next({[3.0] = 1})))
