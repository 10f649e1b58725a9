-- Integer and float arithmetic, overflow wrap-around, floor division and modulo signs.
print(1 + 2, 1 + 2.0, 7 // 2, 7.0 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 % 2, -7.5 % 2)
print(math.maxinteger + 1 == math.mininteger, math.mininteger - 1, math.maxinteger * 2)
print(3 / 2, 4 / 2, 2^10, 2^0.5, -2^2, 10 // 0.0, -10 // 0.0, 0/0 ~= 0/0)
print(1e15, 1e16, 123456789012, 0.1 + 0.2, 100 / 3, -0.0, 1/-0.0)
print(5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 62, 1 << 63, 1 << 64, -1 >> 1, 3.0 & 1)
print(math.type(1), math.type(1.0), math.type('1'), 1 == 1.0, "10" + 1, "0x10" * 2, "1e2" + 0)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
return 2^53 + 1, math.maxinteger // -1, math.mininteger // -1, 5 // 0.0
