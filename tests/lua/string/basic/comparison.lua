-- String comparison is bytewise (C locale strcoll) including embedded zeros and high bytes.
local list = {'a\0b', 'a\0a', 'a', 'a\0', 'B', 'b', '\xff', '\x7f', '\x80', 'aa', 'a b', 'a\tb', '', '0', '00', '-1', 'A'}
table.sort(list)
local out = {} for i, s in ipairs(list) do out[i] = (s:gsub('[^%w]', function(c) return '<' .. c:byte() .. '>' end)) end
print(table.concat(out, ' '))
print('a\0b' < 'a\0c', 'a\0' < 'a\0\0', 'a' < 'a\0', '\xff' > '\x01', 'Z' < 'a', 'abc' <= 'abc', 'abd' > 'abc')
print(('x'):rep(100) < ('x'):rep(101), ('x'):rep(100) .. 'a' < ('x'):rep(100) .. 'b')
