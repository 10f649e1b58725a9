-- Unary minus on integers, floats, zeros, strings and the integer limits.
print(-0, -0.0, - -1, -(-1.5), -math.mininteger, -math.maxinteger, math.type(-0))
print(1 / -0.0, 1 / (-0.0 * -1), 0.0 == -0.0, tostring(-0.0), tostring(0.0))
print(-'2', -'2.5', -'0x10', math.type(-'2'), math.type(-'2.0'))
print(pcall(function() return -'abc' end))
print(pcall(function() return -{} end))
print(pcall(function() local t = {} return -t.x end))
print(- - - 3, -(2^63) == math.mininteger, math.type(-(2^63)))
