-- Bitwise metamethods (__band __bor __bxor __shl __shr __bnot) and their errors without them.
local mt = {}
local function w(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == 'table' and ('w' .. x.v) or tostring(x) end
for _, op in ipairs({'band', 'bor', 'bxor', 'shl', 'shr'}) do
  mt['__' .. op] = function(a, b) return op .. '(' .. val(a) .. ',' .. val(b) .. ')' end
end
mt.__bnot = function(a) return 'bnot(' .. val(a) .. ')' end
local x = w(3)
print(x & 1, 1 | x, x ~ x, x << 2, 2 >> x, ~x, 1.5 & x, x | 'str')
print(pcall(function() return setmetatable({}, {}) & 1 end))
print(pcall(function() return 1.5 | 1 end))
print(pcall(function() return 1 | setmetatable({}, {__bor = function() error('in bor') end}) end))
local strs = setmetatable({}, {__band = function(a, b) return 'called' end})
print('3' & strs, strs & 2.5)
