-- math.abs (including mininteger), math.max and math.min with mixed subtypes and errors.
print(math.abs(-5), math.abs(5), math.abs(-5.5), math.abs(-0.0), math.abs(math.mininteger), math.abs(-math.huge))
print(math.type(math.abs(-5)), math.type(math.abs(-5.0)), math.abs('-3'), pcall(math.abs))
print(math.max(1, 2, 3), math.max(3, 2, 1), math.max(1, 2.5), math.max(2.5, 1), math.max(1, 1.0), math.max(1.0, 1))
print(math.min(1, 2, 3), math.min(-1, -1.5), math.min(0.0, -0.0), math.min(-0.0, 0.0), math.max(0.0, -0.0))
print(math.max(math.mininteger, -math.huge), math.min(math.maxinteger, math.huge), math.max(5), math.type(math.max(5)))
print(pcall(math.max), pcall(math.min))
print(pcall(math.max, 1, 'x'), pcall(math.min, {}, 1))
print(pcall(math.max, 1, '10'), pcall(math.min, '2', '3'), math.max('10'))
