-- Number/string conversions in every direction: integer strings to floats, floats with integer values.
print(math.tointeger('0x10'), math.tointeger(' 5 '), math.tointeger('5.0'), pcall(function() return '5' | 0 end))
print(string.format('%d', '10'), string.format('%.1f', '2'), string.format('%x', '255'), pcall(string.format, '%d', '1e2'))
print(('10'):rep(2) + 1, #tostring(12345678901234567890), tostring(2^63) == '9.2233720368548e+18')
print(10 == '10', tostring(10) == '10', 10 .. '' == '10', 1e2 .. '', 100 // 1.0 .. '')
print(tonumber(' 0x1p4 '), tonumber('1e1', 10), tonumber('11', 2.0), pcall(tonumber, '11', 2.5))
print(string.rep('9', 19) + 0, string.rep('9', 18) + 0, math.type(string.rep('9', 18) + 0), -'9223372036854775808')
