-- string.find: init (positive, negative, past the end), plain searches, special characters.
local s = 'hello world, hello lua'
print(s:find('hello'), s:find('hello', 2), s:find('hello', -9), s:find('hello', -100), s:find('hello', 100))
print(s:find('o', 5), s:find('o', 6), s:find('', 1), s:find('', #s + 1), s:find('', #s + 2), s:find('', -1))
print(s:find('l+'), s:find('.', 1, true), s:find('o w', 1, true), s:find('%a+', 1, true))
print(('a.b'):find('.', 2, true), ('a+b'):find('+', 1, true), ('a%b'):find('%', 1, true), ('[x]'):find('[', 1, true))
print(('abc'):find('b', nil), ('abc'):find('b', 0), ('abc'):find('c', -1), ('abc'):find('a', -1))
print(pcall(string.find), pcall(string.find, 'x'), pcall(string.find, 'x', 'x', 'bad'))
print(('x'):find('x', 1, false), ('a.c'):find('.', 1, nil), ('\0x\0'):find('x'), ('\0x\0'):find('\0', 2, true))
print(string.find(123, 2), string.find(12.5, '.', 1, true), pcall(string.find, {}, 'x'))
