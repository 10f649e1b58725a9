-- Strings compare lexicographically by bytes (C locale), numbers numerically; never mixed.
local words = {'b', 'a', 'B', 'A', '10', '9', '', ' ', 'ab', 'a\0', 'a\0b', '\xff', '\x80', 'Z', 'z', '~'}
table.sort(words)
local out = {} for i, w in ipairs(words) do out[i] = string.format('%q', w) end print(table.concat(out, ' '))
print('a' < 'b', 'a' <= 'a', 'b' > 'a', 'abc' >= 'abd', '\0' < '\1', '' <= '', 'a\0\0' < 'a\0\1')
print(pcall(function() return 1 < '1' end))
print(pcall(function() return '1' >= 1 end))
