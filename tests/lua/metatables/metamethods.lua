-- Every metamethod: arithmetic, bitwise, comparison, concat, len, index, newindex, call, tostring, close.
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(b) == 'number' then return vec(a.x * b, a.y * b) end return a.x * b.x + a.y * b.y end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__idiv = function(a, b) return vec(a.x // b, a.y // b) end
V.__band = function(a, b) return 'band' end V.__bor = function() return 'bor' end
V.__bxor = function() return 'bxor' end V.__shl = function() return 'shl' end
V.__shr = function() return 'shr' end V.__bnot = function() return 'bnot' end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__concat = function(a, b) return tostring(a) .. '|' .. tostring(b) end
V.__len = function(a) return 2 end
V.__call = function(self, k) return self[k] end
V.__tostring = function(a) return '(' .. a.x .. ',' .. a.y .. ')' end
V.__name = 'vector'
local a, b = vec(1, 2), vec(3, 4)
print(tostring(a + b), tostring(a - b), a * b, tostring(a * 2), tostring(b / 2), tostring(b % 2))
print(tostring(a ^ 2), tostring(-a), tostring(b // 2), a & b, a | b, a ~ b, a << 1, a >> 1, ~a)
print(a == vec(1, 2), a ~= b, a < b, a <= b, a > b, a >= b, a .. b, a .. 'x', #a, a('x'))
local log = {}
local proxy = setmetatable({}, {__index = function(t, k) return k .. '!' end, __newindex = function(t, k, v) rawset(t, k, v * 10) end})
proxy.n = 5 print(proxy.n, proxy.missing, rawget(proxy, 'missing'))
local ro = setmetatable({}, {__metatable = 'locked'})
print(getmetatable(ro), pcall(setmetatable, ro, {}))
print(pcall(function() return {} + 1 end))
print(pcall(function() return {} < {} end))
print(pcall(function() return #nil end))
local inherit = setmetatable({}, {__index = setmetatable({base = 'yes'}, {__index = function() return 'deep' end})})
print(inherit.base, inherit.other)
return tostring(setmetatable({}, {__name = 'MyType'})):match('^MyType: ') ~= nil
