-- LUA_COMPAT_5_3 math functions: pow, log10, ldexp, frexp, cosh, sinh, tanh (exact cases).
print(math.pow(2, 10), math.pow(2, 0.5) == 2^0.5, math.pow(-2, 3), math.pow(0, 0), math.pow(2, -1))
print(math.log10(1000), math.log10(1), math.log10(0), math.log10(1e-5), math.log10(2) == math.log(2, 10))
print(math.ldexp(1, 10), math.ldexp(0.5, 1), math.ldexp(1, -1074), math.ldexp(1, 1024), math.ldexp(-3, 2), math.ldexp(1.5, 2.0))
print(pcall(math.ldexp, 1, 1.5))
for _, v in ipairs({8, 1, 0.5, -3, 0, -0.0, 1e300, 2^-1074, 1/0}) do print(v, math.frexp(v)) end
print(math.cosh(0), math.sinh(0), math.tanh(0), math.sinh(-0.0), math.tanh(math.huge), math.tanh(-math.huge))
print(math.cosh(math.huge), math.sinh(-math.huge), math.tanh(20), math.tanh(-20), math.sinh(1e-300))
