-- gsub with anchored patterns replaces at most once; empty matches between characters.
print(('hello hello'):gsub('^hello', 'bye'))
print(('hello'):gsub('^', '>'), ('hello'):gsub('$', '<'), ('hello'):gsub('^$', 'x'), (''):gsub('^$', 'empty'))
print(('abc'):gsub('.-', '-'), ('abc'):gsub('a*', '-'), ('baaac'):gsub('a-', 'x'))
print(('one two'):gsub('(%w+)', '<%1>', 1), ('one two'):gsub('^(%w+)', '%1!'))
print(('  trim me  '):gsub('^%s+', ''):gsub('%s+$', ''))
