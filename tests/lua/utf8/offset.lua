-- utf8.offset: n-th character positions forwards and backwards, n = 0, continuation-byte errors.
local s = 'aé✓😀z'
for n = -6, 7 do io_o = (io_o or '') .. tostring(utf8.offset(s, n)) .. ' ' end print(io_o)
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 8), utf8.offset(s, 1, 4), utf8.offset(s, -1, 4))
print(utf8.offset(s, 2, 2), utf8.offset(s, 1, #s + 1), utf8.offset(s, -1, #s + 1), utf8.offset('', 1), utf8.offset('', -1))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, 20))
print(utf8.offset('abc', 5), utf8.offset('abc', 4), utf8.offset('abc', -4), utf8.offset('\x80\x80', 0, 2))
