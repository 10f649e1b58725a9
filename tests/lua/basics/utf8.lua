-- The utf8 library, with lax mode and invalid sequences.
local s = 'héllo wörld ✓ 😀'
print(utf8.len(s), #s, utf8.char(72, 233, 10003, 128512), utf8.charpattern)
for p, c in utf8.codes('aé✓') do print(p, c) end
print(utf8.codepoint(s, 1, -1))
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3))
print(utf8.len('\xff'), utf8.len('abc\xe4'), pcall(utf8.codepoint, '\xff'))
print(utf8.len('\xf4\x90\x80\x80'), utf8.len('\xf4\x90\x80\x80', 1, -1, true), utf8.char(0x7fffffff):byte(1, -1))
print(pcall(utf8.char, -1), utf8.len('', 1), utf8.len('abc', 4), pcall(utf8.len, 'abc', 5))
for _, c in utf8.codes('ab') do io_ = (io_ or '') .. c end print(io_)
print(pcall(function() for _ in utf8.codes('a\xffb') do end end))
