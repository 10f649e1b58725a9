-- utf8.char encodes code points of every length up to 0x7FFFFFFF; rejects out-of-range values.
local function hex(s) return (s:gsub('.', function(c) return string.format('%02X', c:byte()) end)) end
for _, cp in ipairs({0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x1FFFFF, 0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF, 0xD800, 0xDFFF}) do
  print(string.format('%X', cp), hex(utf8.char(cp)))
end
print(utf8.char(), utf8.char(72, 101, 108, 108, 111), #utf8.char(0x10FFFF, 0x41))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 'x'))
print(pcall(utf8.char, 1.5), utf8.char('65'), utf8.char(65.0))
