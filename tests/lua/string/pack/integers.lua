-- pack/unpack integer options b B h H i I j J with sizes 1-16, both endiannesses (not the C-long/size_t ones).
local function hex(s) return (s:gsub('.', function(c) return string.format('%02x', c:byte()) end)) end
for _, fmt in ipairs({'b', 'B', 'h', 'H', 'i', 'I', 'j', 'J', 'i1', 'i2', 'i3', 'i5', 'i7', 'i8', 'I3', 'I6'}) do
  local v = fmt:upper() == fmt and 100 or -100
  local le, be = string.pack('<' .. fmt, v), string.pack('>' .. fmt, v)
  print(fmt, string.packsize(fmt), hex(le), hex(be), string.unpack('<' .. fmt, le), string.unpack('>' .. fmt, be))
end
print(hex(string.pack('<i16', -2)), string.unpack('<i16', string.pack('<i16', -2)))
print(hex(string.pack('>I16', 1)), string.unpack('>I16', string.pack('>I16', 1)))
print(hex(string.pack('<i9', math.mininteger)), string.unpack('<i9', string.pack('<i9', math.mininteger)))
print(string.unpack('<j', string.pack('<j', math.maxinteger)), string.unpack('<J', string.pack('<J', -1)))
