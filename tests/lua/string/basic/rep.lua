-- string.rep with separators, zero and negative counts, and the "resulting string too large" error.
print(('ab'):rep(3), ('ab'):rep(3, ', '), ('x'):rep(1, '-'), ('x'):rep(0, '-'), ('x'):rep(-5), (''):rep(5, '.'))
print(#('abc'):rep(1000), #('abc'):rep(1000, '--'), ('a'):rep(2, ''))
print(pcall(string.rep, 'x', 1e100))
print(pcall(string.rep, 'x', math.maxinteger))
print(pcall(string.rep, 'xx', math.maxinteger // 2 + 1))
print(pcall(string.rep, 'x', 2^62, 'y'))
print(pcall(string.rep, 'x', 3, {}))
print(pcall(string.rep, 'x', 'three'), string.rep(5, 2), string.rep('x', '2'))
