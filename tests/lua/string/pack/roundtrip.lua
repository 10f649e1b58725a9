-- Mixed formats round-trip through pack and unpack, including native-size options.
local fmt = '<i1 I2 i4 I8 j f d n s2 z c4 b B h H i I J'
local values = {-5, 1000, -100000, 2^40 | 0, math.mininteger, 1.5, 1/3, -2.25, 'str', 'zstr', 'abcd', -1, 255, -300, 60000, -7, 7, 12}
local packed = string.pack(fmt, table.unpack(values))
print(#packed, string.packsize('<i1 I2 i4 I8 j f d n'))
local back = {string.unpack(fmt, packed)}
for i = 1, #values do io_o = (io_o or '') .. tostring(back[i]) .. ' ' end print(io_o, back[#back])
print(string.pack('=i4', 1) == string.pack('<i4', 1), string.pack('i4', 1) == string.pack('<i4', 1))
