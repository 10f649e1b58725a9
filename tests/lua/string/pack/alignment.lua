-- Alignment with '!' and padding options x, Xn; packsize with alignment; errors for bad alignment.
local function hex(s) return (s:gsub('.', function(c) return string.format('%02x', c:byte()) end)) end
print(hex(string.pack('!4 b i4', 1, 2)), hex(string.pack('!8 b d', 1, 0)), hex(string.pack('! b j', 1, 2)))
print(string.packsize('!4 b i4'), string.packsize('!8 b i8'), string.packsize('!2 b i8'), string.packsize('b x i2'))
print(hex(string.pack('b Xi4 b', 1, 2)), hex(string.pack('!4 b Xh b', 1, 2)), hex(string.pack('xxb', 3)))
print(string.unpack('!4 b i4', string.pack('!4 b i4', 7, 9)))
print(pcall(string.pack, '!3 i4', 1))
print(pcall(string.pack, '!17', 1))
print(pcall(string.pack, 'X', 1))
print(pcall(string.pack, 'Xz', 1))
print(pcall(string.pack, '!4 i3', 1))
print(string.packsize('!'), string.packsize('!1 i8'), string.packsize('!16 b i16'), string.packsize('<>=!'))
print(hex(string.pack('>!4 h i4', 1, 2)), string.packsize('i3 !4 Xi4'))
