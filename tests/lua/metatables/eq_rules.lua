-- __eq is tried only for tables/userdata of the same type; either operand's metamethod; not for rawequal.
local log = {}
local m1 = {__eq = function(a, b) log[#log + 1] = 'm1' return true end}
local m2 = {__eq = function(a, b) log[#log + 1] = 'm2' return false end}
local a, b = setmetatable({}, m1), setmetatable({}, m2)
print(a == b, b == a, a ~= b, table.concat(log, ' '))
log = {}
local plain = {}
print(plain == a, a == plain, table.concat(log, ' '))
print(a == 'a', 1 == a, a == nil, #log)
local same = setmetatable({}, m1)
print(a == same, rawequal(a, same), a == a)
local t = {} t[a] = 1 print(t[same], t[a])
