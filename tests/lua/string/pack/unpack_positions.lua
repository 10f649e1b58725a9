-- unpack returns the next position; init may be negative; reading past the end is an error.
local data = string.pack('<i2 i2 i2', 1, 2, 3)
print(string.unpack('<i2', data), string.unpack('<i2', data, 3), string.unpack('<i2', data, -2))
print(string.unpack('<i2 i2', data, 2))
print(pcall(string.unpack, '<i2', data, 6))
print(pcall(string.unpack, '<i2', data, 8))
print(pcall(string.unpack, '<i2', data, -100))
print(pcall(string.unpack, '<i2', data, 0))
print(string.unpack('', data), string.unpack('', data, 7), pcall(string.unpack, '', data, 8))
local pos, out = 1, {}
while pos <= #data do local v v, pos = string.unpack('<i2', data, pos) out[#out + 1] = v end
print(table.concat(out, ' '), pos)
