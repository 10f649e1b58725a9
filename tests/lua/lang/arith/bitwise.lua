-- Bitwise operators on integers, with shifts past 63 and negative shift counts.
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ~ 0x3C, ~0, ~0xF0, -1 & 0xFF)
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << -1, 2 << -1, 1 << 100)
print(-1 >> 1, -1 >> 63, -1 >> 64, -1 >> 0, 8 >> -2, math.mininteger >> 63, math.maxinteger >> 62)
print(5 & 3 | 8, 5 | 3 & 8, 5 ~ 3 & 1, 1 << 2 + 1, 256 >> 2 * 2, ~5 & 0xF)
print(3.0 & 1, 2^53 | 0, -2^63 | 0, pcall(function() return '3' | 0 end))
print(math.mininteger ~ math.maxinteger, math.mininteger & math.maxinteger, ~math.mininteger)
for i = 0, 8 do io_s = (io_s or '') .. ((0xA5 >> i) & 1) end print(io_s)
