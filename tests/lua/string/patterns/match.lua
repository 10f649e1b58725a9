-- string.match: init, whole-match results, no-match nil, and numbers as subjects.
print(('hello 123'):match('%d+'), ('hello 123'):match('%d+', 8), ('hello 123'):match('%d+', -2), ('hello'):match('x'))
print(('hello'):match(''), ('hello'):match('', 10), ('hello'):match('()', 6), ('hello'):match('()', 7))
print(string.match(2024, '%d%d'), string.match(3.5, '%.(%d)'), string.match('  42  ', '^%s*(%d+)%s*$'))
print(('date: 2024-01-15'):match('(%d+)-(%d+)-(%d+)'))
print(('a,b,,c'):match('^(.-),(.-),(.-),(.-)$'))
print(pcall(string.match, 'x'), pcall(string.match, nil, 'x'))
