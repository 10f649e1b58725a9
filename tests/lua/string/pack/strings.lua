-- pack/unpack s[n] (length-prefixed), z (zero-terminated) and c[n] (fixed size) strings.
local function hex(s) return (s:gsub('.', function(c) return string.format('%02x', c:byte()) end)) end
print(hex(string.pack('s1', 'abc')), hex(string.pack('>s2', 'abc')), hex(string.pack('<s4', 'ab')), #string.pack('s8', 'x'))
print(string.unpack('s1', string.pack('s1', 'hello')), string.unpack('z', 'abc\0def\0'), string.unpack('c3', 'abcdef'))
print(hex(string.pack('z', 'ab')), hex(string.pack('c5', 'ab')), hex(string.pack('c2', 'ab')))
print(pcall(string.pack, 's1', string.rep('x', 256)))
print(pcall(string.pack, 'z', 'a\0b'))
print(pcall(string.pack, 'c2', 'abc'))
print(pcall(string.pack, 'c', 'a'))
print(pcall(string.unpack, 'z', 'abc'))
print(pcall(string.unpack, 's1', '\5ab'))
print(pcall(string.unpack, 'c10', 'abc'))
print(string.unpack('c0', ''), string.packsize('c10'), pcall(string.packsize, 'z'), pcall(string.packsize, 's4'))
print(string.unpack('s1 s1', string.pack('s1 s1', '', 'x')))
