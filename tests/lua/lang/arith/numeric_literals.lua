-- Numeric literals: decimal, hex, hex floats, exponents, and integer overflow to float.
print(0, 00, 1e0, 1E2, .5, 5., 3e-2, 0x10, 0XfF, 0x.1, 0x1p4, 0x1P-2, 0xA.8p1)
print(math.type(1e2), math.type(0x10), math.type(0x1p4), math.type(10.), math.type(0xa))
print(9223372036854775807, 9223372036854775808, 18446744073709551615, 1e400 == math.huge)
print(0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff, 0x1ffffffffffffffff)
print(0x123456789abcdef0123, 123456789012345678901234567890)
print(3.14159265358979, 1e-310, 4.9e-324, 2.2250738585072014e-308, 1.7976931348623157e308)
print(0xep1, 0x.8, 0x8., 0x1.8, 1//1, 0x0p0)
for _, src in ipairs({'return 1e', 'return 0x', 'return 3.4.5', 'return 1e+', 'return 0xg', 'return 1..2', 'return 2a'}) do
  print(select(2, load(src)))
end
print(load('return 08')(), load('return 0x1P+2')(), load('return 1E-2')())
