-- __lt and __le: mixed operand types, results to boolean, > and >= swap operands, no __le emulation.
local log = {}
local mt = {
  __lt = function(a, b) log[#log + 1] = 'lt' return (type(a) == 'table' and a.v or a) < (type(b) == 'table' and b.v or b) end,
  __le = function(a, b) log[#log + 1] = 'le' return (type(a) == 'table' and a.v or a) <= (type(b) == 'table' and b.v or b) end,
}
local function n(v) return setmetatable({v = v}, mt) end
print(n(1) < n(2), n(2) > n(1), n(1) <= n(1), n(2) >= n(3), n(1) < 5, 5 < n(9), 3 <= n(3))
print(table.concat(log, ' '))
local only_lt = setmetatable({}, {__lt = function() return 1 end})
print(only_lt < only_lt, pcall(function() return only_lt <= only_lt end))
print(pcall(function() return n(1) < 'x' end))
local str = setmetatable({}, {__lt = function() return nil end})
print(str < str, str > str)
