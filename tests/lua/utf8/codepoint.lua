-- utf8.codepoint with ranges, negative indices, invalid bytes, lax mode and surrogates.
local s = 'aé✓😀'
print(utf8.codepoint(s), utf8.codepoint(s, 2), utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, -4), select('#', utf8.codepoint(s, 3, 2)), utf8.codepoint(s, 4, 4))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 0))
print(pcall(utf8.codepoint, s, 1, 20))
print(pcall(utf8.codepoint, '\xff'))
print(pcall(utf8.codepoint, '\xed\xa0\x80'), utf8.codepoint('\xed\xa0\x80', 1, 1, true))
print(pcall(utf8.codepoint, '\xf4\x90\x80\x80'), utf8.codepoint('\xf4\x90\x80\x80', 1, 1, true))
print(pcall(utf8.codepoint, '\xc0\x80'), pcall(utf8.codepoint, '\xe0\x80\x80'))
print(utf8.codepoint('\xfd\xbf\xbf\xbf\xbf\xbf', 1, 1, true), pcall(utf8.codepoint, '\xfe'))
print(pcall(utf8.codepoint, ''), pcall(utf8.codepoint, '', 1, 0))
