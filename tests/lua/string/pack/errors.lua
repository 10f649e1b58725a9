-- Errors for invalid format options, missing arguments, and wrong argument types.
local function e(...) print(pcall(string.pack, ...)) end
e('y', 1) e('i', 'x') e('i') e('d') e('s') e('z') e('<i4 >i4 =i4 k', 1, 2, 3)
e('i4 i4', 1) e('w') e(' ', 1) e('%', 1)
print(pcall(string.unpack, 'y', 'x'))
print(pcall(string.unpack, 'i4'))
print(pcall(string.packsize, 'w'))
print(pcall(string.packsize, ('i16'):rep(1000)))
print(select('#', string.pack('')), string.pack('  <  > ', 1) == '', string.packsize(''))
