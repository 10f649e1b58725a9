-- pack/unpack f d n: float rounding to single precision, specials, both byte orders.
local function hex(s) return (s:gsub('.', function(c) return string.format('%02x', c:byte()) end)) end
for _, v in ipairs({0.0, -0.0, 1.0, 0.1, 1/3, 1e300, 1e-300, 1/0, -1/0, 2^-149, 3.4028234663852886e38, 16777217}) do
  local f = string.pack('<f', v)
  print(hex(f), hex(string.pack('>d', v)), string.format('%.17g', (string.unpack('<f', f))), string.unpack('>d', string.pack('>d', v)) == v)
end
print(string.packsize('f'), string.packsize('d'), string.packsize('n'), string.unpack('n', string.pack('n', 2.5)))
print(string.unpack('<f', string.pack('<f', 5)), math.type((string.unpack('<d', string.pack('<d', 5)))))
print(pcall(string.pack, 'd', 'x'), string.unpack('d', string.pack('d', '1.5')), pcall(string.pack, 'f'))
local nan = string.unpack('<d', string.pack('<d', 0/0)) print(nan ~= nan)
