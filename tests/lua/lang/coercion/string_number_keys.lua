-- Strings and numbers are distinct table keys and never compare equal.
local t = {}
t[1] = 'number' t['1'] = 'string' t[1.0] = 'float one' t['1.0'] = 'string float'
print(t[1], t['1'], t['1.0'], t[tonumber('1')], t[tostring(1)])
print(1 == '1', '1' + 0 == 1, tostring(1) == '1', tonumber('1') == 1)
local keys = {} for k in pairs(t) do keys[#keys + 1] = type(k) .. ':' .. tostring(k) end table.sort(keys)
print(table.concat(keys, ' '))
