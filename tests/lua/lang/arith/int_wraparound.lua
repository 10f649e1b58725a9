-- Integer addition, subtraction, multiplication and negation wrap around modulo 2^64.
local max, min = math.maxinteger, math.mininteger
print(max + 1 == min, min - 1 == max, max + max, min + min, -min == min)
print(max * 2, max * max, min * -1, min * min, 0x7fffffff * 0x7fffffff)
print(max + 1, min - 1, max - min, min - max, -max)
print(1 << 63, (1 << 63) - 1, 0xffffffffffffffff, 0x10000000000000000)
print(math.type(max + 1), math.type(max + 1.0), max + 1.0, min - 1.0)
print(123456789 * 987654321, 123456789123 * 987654321987)
print(-(-9223372036854775807 - 1), 9223372036854775807, -9223372036854775808)
print(math.type(9223372036854775807), math.type(9223372036854775808), 9223372036854775808)
