-- Character sets: ranges, negation, classes inside sets, ']' and '-' and '^' as literals.
local s = 'Hello, World! 123 abc-def_ghi [x] ^caret'
local function all(p) local t = {} for m in s:gmatch(p) do t[#t + 1] = m end return table.concat(t, '|') end
print(all('[aeiou]'), all('[^%s%p]+'))
print(all('[a-f]+'), all('[%d%-]+'), all('[]]'), all('[^]]+'))
print(all('[%]x[]'), all('[-a]'), all('[a-]'), all('[%^c]+'), all('[^^]+'))
print(all('[%a_]+'), all('[A-Z]'), all('[0-9]+'), all('[!-/]'))
print(('a-z'):find('[z-a]'), ('-'):find('[a-]'), ('b'):find('[a-c]'), ('a'):find('[%a-z]'))
print(pcall(string.find, 'x', '[a'), pcall(string.find, 'x', '[a%'), pcall(string.find, 'x', '[%'))
print(pcall(string.find, 'x', '[]'), pcall(string.find, 'x', '[^]'))
