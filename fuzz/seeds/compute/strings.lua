local s = string.format('%q %5.2f %x %a', 'a\0b\n', 1/3, 255, 0.5)
return s:gsub('%w+', string.upper), s:find('(%d+)'), ('x'):rep(3, ','), utf8.char(72, 228, 8364),
  string.pack('i4 s1', 7, 'hi'), load('return ...')(1, 2)
