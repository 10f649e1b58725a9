-- Long expressions, deeply nested tables and parentheses, many locals, and long string concatenations.
local expr = 'return ' .. string.rep('1 + ', 150) .. '1'
print(load(expr)())
local nested = 'return ' .. string.rep('{', 100) .. '42' .. string.rep('}', 100)
local t = load(nested)() for _ = 1, 99 do t = t[1] end print(t[1])
local parens = 'return ' .. string.rep('(', 150) .. '7' .. string.rep(')', 150)
print(load(parens)())
local locals = {} for i = 1, 150 do locals[i] = 'local v' .. i .. ' = ' .. i end
print(load(table.concat(locals, '\n') .. '\nreturn v1 + v150')())
print(select(2, load(string.rep('local x = 1\n', 201))))
-- (an error raised inside the parser passes through the running message handler: first line only)
print((select(2, load('return ' .. string.rep('(', 300) .. '1' .. string.rep(')', 300))):match('^[^\n]*')))
