-- find returns start and end positions plus captures; empty matches and init beyond the end.
for _, p in ipairs({'', 'a', 'b', 'ab', 'a*', 'x*', '()', '(a)(b)', '.-b', 'b$', '^a'}) do
  print(p, ('aab'):find(p))
end
print(('aab'):find('', 4), ('aab'):find('', 5), ('aab'):find('b', 4), ('aab'):find('$', 2))
