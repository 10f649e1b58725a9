-- utf8.len: counts, ranges, the position of the first invalid byte, lax mode.
print(utf8.len(''), utf8.len('abc'), utf8.len('aé✓😀'), utf8.len('aé✓😀', 2), utf8.len('aé✓😀', -4), utf8.len('aé✓😀', 1, 1))
print(utf8.len('abc', 4), utf8.len('abc', 1, 0), utf8.len('abc', 3, 2), pcall(utf8.len, 'abc', 5))
print(utf8.len('a\xffb'), utf8.len('\x80'), utf8.len('ab\xc3'), utf8.len('\xc3\x28'), utf8.len('\xe2\x82'))
print(utf8.len('\xed\xa0\x80'), utf8.len('\xed\xa0\x80', 1, -1, true), utf8.len('\xf4\x90\x80\x80'), utf8.len('\xf4\x90\x80\x80', 1, -1, true))
print(utf8.len('\xc0\xaf'), utf8.len('\xf8\x88\x80\x80\x80', 1, -1, true), utf8.len('\xf8\x88\x80\x80\x80'))
print(pcall(utf8.len, 'abc', 0), pcall(utf8.len, 'abc', 1, 4), pcall(utf8.len, nil))
print(utf8.len('é', 2), utf8.len('😀', 2), utf8.len('😀', 4), utf8.len('😀😀', -4))
