-- string.pack / unpack / packsize over many options.
local p = string.pack('i4 i8 b B h H d f s1 z', -1, 2^40, -128, 255, -32768, 65535, 1.5, 0.25, 'str', 'zero')
print(#p, string.unpack('i4 i8 b B h H d f s1 z', p))
print(string.packsize('i4 i8 d'), string.packsize('!8 i1 i8'), pcall(string.packsize, 's'))
print(string.unpack('<I2', '\1\2'), string.unpack('>I2', '\1\2'), string.unpack('=I2', '\1\2'))
print(string.pack('>j', 1):byte(1, -1))
print(pcall(string.pack, 'i1', 200), pcall(string.unpack, 'i4', 'ab'))
print(string.unpack('xxi1', '\0\0\5'), string.pack('Xi4 i1', 1):len())
