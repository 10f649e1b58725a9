-- __eq: only for two tables (or two full userdata); result converted to boolean; never for primitives.
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1 return a.id == b.id and 'truthy' end}
local a = setmetatable({id = 1}, mt)
local b = setmetatable({id = 1}, mt)
local c = setmetatable({id = 2}, {__eq = function() return true end})
print(a == b, a ~= b, a == a, calls)
print(a == c, c == a, calls)
print(a == 1, a == 'x', a == nil, calls)
print(rawequal(a, b), rawequal(a, a), rawequal('x', 'x'), rawequal(1, 1.0))
local t = {} t[a] = 'by a' print(t[b])
local only_right = setmetatable({}, {__eq = function() return true end})
print({} == only_right, only_right == {})
print(pcall(rawequal, 1))
