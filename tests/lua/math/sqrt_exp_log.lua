-- sqrt (exact), exp and log of simple arguments, log with bases 2, 10 and others.
print(math.sqrt(0), math.sqrt(-0.0), math.sqrt(1), math.sqrt(4), math.sqrt(2), math.sqrt(1e100), math.sqrt(math.huge))
print(string.format('%.17g %.17g %.17g', math.sqrt(2), math.sqrt(3), math.sqrt(0.5)), math.sqrt(2)^2 == 2)
print(math.exp(0), math.exp(-math.huge), math.exp(math.huge), math.exp(1000), math.exp(-1000), math.exp(1))
print(math.log(1), math.log(0), math.log(-0.0), math.log(math.huge), math.log(math.exp(2)))
print(math.log(8, 2), math.log(1024, 2), math.log(2^-1074, 2), math.log(1000, 10), math.log(1e-300, 10), math.log(0.001, 10))
print(math.log(27, 3), math.log(100, 100), math.log(2, 4), math.log(0, 2), math.log(0, 10), math.log(1, 0))
print(math.log(2^53, 2), math.type(math.log(8, 2)), math.log('100', '10'), pcall(math.log), pcall(math.log, 'x'))
