-- Integer packing overflow checks and unpacking of values that do not fit in a Lua integer.
local function try(...) print(pcall(string.pack, ...)) end
try('b', 127) try('b', 128) try('b', -128) try('b', -129)
try('B', 255) try('B', 256) try('B', -1)
try('h', 32768) try('H', 65536) try('i3', 8388608) try('I3', -1)
try('i1', 1.5) try('i1', '10') try('i1', 'x')
print(string.unpack('<i9', string.rep('\255', 9)), string.unpack('<I9', '\1' .. string.rep('\0', 8)))
print(pcall(string.unpack, '<I9', string.rep('\0', 8) .. '\1'))
print(pcall(string.unpack, '<i9', string.rep('\0', 8) .. '\1'))
print(pcall(string.unpack, '<i16', string.rep('\255', 8) .. string.rep('\0', 8)))
print(pcall(string.pack, 'i17', 1), pcall(string.pack, 'i0', 1), pcall(string.pack, 'I99', 1))
print(string.unpack('<I8', string.pack('<I8', -1)), string.unpack('<i8', string.pack('<I8', -1)))
