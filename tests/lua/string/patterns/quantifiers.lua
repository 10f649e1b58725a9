-- Quantifiers * + - ? are greedy or lazy as specified, apply to single classes only.
print(('aaa'):match('a*'), ('aaa'):match('a-'), ('aaa'):match('a-$'), ('aaa'):match('a+'), ('aaa'):match('a?'))
print(('<a><b>'):match('<.*>'), ('<a><b>'):match('<.->'), ('xyz'):match('x?y?z?w?'), ('abc'):match('^(a?)(b?)(x?)c'))
print(('  x  '):match('^%s*(.-)%s*$'), ('key=val'):match('(%w+)=(%w*)'), ('key='):match('(%w+)=(%w*)'))
print(('aaab'):find('a-b'), ('aaab'):find('a*b'), ('b'):find('a*b'), ('ab'):find('a+?'))
print(('12ab34'):match('%d+(%a*)%d+'), ('x'):match('()x*()'), ('xxx'):match('x*x'))
print(('a.b.c'):match('(.-)%.'), ('a.b.c'):match('(.*)%.'), ('abc'):match('.-c'))
print(('aaa'):gsub('a*', '-'), ('abc'):gsub('b*', '-'), ('abc'):gsub('x*', '.'))
