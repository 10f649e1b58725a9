-- Strings use the string table through their metatable; arithmetic metamethods convert numbers.
local mt = getmetatable('')
local keys = {} for k in pairs(mt) do keys[#keys + 1] = k end table.sort(keys)
print(table.concat(keys, ' '))
print(mt.__index == string, ('x'):upper(), ('%d'):format(5), ('a,b'):find(',', 1, true))
print(('10') + 5, '3' * '4', '2' ^ 2, -'5', '7' // 2, '7' % 3, '1' - '0.5', '9' / '3')
print(pcall(function() return ('abc'):nomethod() end))
string.custom = function(s) return 'custom:' .. s end
print(('x'):custom())
string.custom = nil
print(pcall(function() return ('x'):custom() end))
print(#string.format('%s', ''), ('x').len == string.len, rawget(string, 'len') ~= nil)
