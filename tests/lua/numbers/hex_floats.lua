-- Hexadecimal float literals and tonumber: rounding of long mantissas, exponents, subnormals.
local srcs = {'0x1p0', '0x1.0p-1', '0x.1p4', '0x1.fffffffffffff8p0', '0x1.fffffffffffff7p0', '0x1.0000000000000bp0',
  '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x1p1023', '0x1p1024', '0xffffffffffffffffp0',
  '0x123456789abcdef.8p0', '0x0.0000000000001p-1022', '-0x1p-1', '0xAp0', '0x1P+10', '0x10', '0x.8'}
for _, s in ipairs(srcs) do local v = tonumber(s) print(s, v, string.format('%a', v), math.type(v)) end
print(load('return 0x1.8p1')(), 0x1p-2, 0xA.8p0, 0x.0p0, math.type(0x10), math.type(0x1p4))
