-- Order comparisons across types raise errors; equality across types is false.
local function e(f) print(pcall(f)) end
e(function() return 1 < '2' end)
e(function() return '1' < 2 end)
e(function() return 1 <= {} end)
e(function() return {} < {} end)
e(function() return nil < 1 end)
e(function() return true > false end)
e(function() local a, b = 1, 'x' return a >= b end)
e(function() return print < print end)
print(1 == '1', '1' == 1, 0 == false, nil == false, {} == {}, 'a' < 'b', 'a' < 'B', '' < 'a')
print('10' < '9', 10 < 9, 'Z' < 'a', 'abc' < 'abd', 'ab' < 'abc', 'a\0b' < 'a\0c', 'a\0' > 'a')
