-- and/or evaluate lazily and return operand values, not booleans.
local calls = {}
local function f(name, v) calls[#calls + 1] = name return v end
print(f('a', false) and f('b', true), f('c', nil) or f('d', 0), f('e', 1) or f('f', 2), f('g', 1) and f('h', nil))
print(table.concat(calls, ' '))
print(false and error('no'), true or error('no'), nil == false, 0 and 'zero is true', '' and 'empty is true')
local x = nil
local y = x and x.field or 'default'
print(y, x == nil and 'nil' or 'set', (nil)) 
