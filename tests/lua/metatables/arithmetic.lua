-- Arithmetic metamethods: each operator, left or right operand, with numbers and strings.
local mt = {}
local function w(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == 'table' and x.v or x end
for _, op in ipairs({'add', 'sub', 'mul', 'div', 'mod', 'pow', 'idiv'}) do
  mt['__' .. op] = function(a, b) return op .. '(' .. tostring(val(a)) .. ',' .. tostring(val(b)) .. ')' end
end
mt.__unm = function(a, b) return 'unm(' .. val(a) .. ',' .. tostring(val(b)) .. ')' end
local x = w(7)
print(x + 1, 1 + x, x - x, x * '2', '2' * x, x / 0, x % 3, x ^ 2, 2 ^ x, x // 2, -x)
print(pcall(function() return setmetatable({}, {}) + 1 end))
print(pcall(function() return 1 - setmetatable({}, {__add = print}) end))
local half = setmetatable({}, {__add = function(a, b) return 'only add' end})
print(half + half, pcall(function() return half * 2 end))
print('10' + x, pcall(function() return 'abc' + x end))
