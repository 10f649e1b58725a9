-- Integer limits: conversions, comparisons and string forms at maxinteger and mininteger.
local M, m = math.maxinteger, math.mininteger
print(M, m, M + 0.0, m + 0.0, M // 1, m // 1, M % 2, m % 2, -M - 1 == m)
print(M == M + 0.0, m == m + 0.0, M < M + 0.0, M + 0.0 == 2^63, math.tointeger(M + 0.0), math.tointeger(m + 0.0))
print(tostring(M), tostring(m), string.format('%d %d', M, m), string.format('%x %x', M, m))
print(tonumber('9223372036854775807'), tonumber('9223372036854775808'), tonumber('-9223372036854775808'), tonumber('-9223372036854775809'))
print(math.type(tonumber('9223372036854775807')), math.type(tonumber('9223372036854775808')), math.type(tonumber('-9223372036854775808')))
print(M * -1, m * -1, m // -1, m % -1, M * M, m * m, (M + 1) // 2)
