-- Identifiers, keywords as field names, and names that differ only in case.
local t = {['end'] = 1, ['and'] = 2, _ = 3, __x = 4, A1 = 5, a1 = 6, ['if'] = 7}
print(t['end'], t['and'], t._, t.__x, t.A1, t.a1, t['if'])
local _ENV_copy = _ENV
local And, AND, _and = 1, 2, 3
print(And, AND, _and, _ENV_copy == _G, _VERSION)
print(load('local end = 1'), select(2, load('local goto = 1')))
print(select(2, load('x.and = 1')), load('x = {nil = 1}') == nil)
