-- '^' anchors at the start (or at init), '$' at the end; both are literals elsewhere.
print(('hello'):find('^h'), ('hello'):find('^e'), ('hello'):find('o$'), ('hello'):find('l$'))
print(('a^b'):find('a^b'), ('a$b'):find('a$b'), ('$'):find('$'), ('^'):find('^^'))
print(('hello'):find('^l', 3), ('hello'):find('^l', 4), ('hello'):find('^', 6), ('hello'):find('$', 1))
print(('abc'):match('^(.-)$'), ('abc'):match('^$'), (''):match('^$'), ('x\n'):match('x$'))
print(('aXbX'):gsub('^X', '-'), ('XaX'):gsub('^X', '-'), ('XaX'):gsub('X$', '-'), ('aa'):gsub('^a', 'b'))
local t = {} for w in ('one two'):gmatch('^%a+') do t[#t + 1] = w end print(#t, t[1])
