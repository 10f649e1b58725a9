-- Exponentiation always produces floats; right associativity; negative and fractional powers.
print(2^10, 2^-1, 2^0.5, (-8)^(1/3) ~= (-8)^(1/3), 0^0, 0^-1, (-2)^2, (-2)^3)
print(2^3^2, (2^3)^2, -2^2, (-2)^2, 2^-2^2, math.type(2^2))
print(10^15, 10^16, 10^-5, 2^63, 2^64, 2^-1074, 2^-1075, 2^1023 * 2)
print(math.huge^0, 1^math.huge, (-1)^math.huge, 0.5^math.huge, 2^-math.huge, (0/0)^0)
print(string.format('%.17g %.17g %.17g', 3^0.5, 10^0.1, 7^-3))
print('2' ^ '3', 2 ^ '0.5' == 2^0.5, math.type('2' ^ 2))
