-- __index: tables, functions, chains several levels deep, rawget bypass, on missing keys only.
local base = {greet = 'hello', shared = 'base'}
local mid = setmetatable({shared = 'mid'}, {__index = base})
local obj = setmetatable({own = 'own'}, {__index = mid})
print(obj.own, obj.shared, obj.greet, obj.none, rawget(obj, 'greet'))
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k) calls = calls + 1 return tostring(k) .. '?' end})
print(lazy.a, lazy[1], lazy[true], calls)
lazy.a = 'set' print(lazy.a, calls)
local chain = {}
for i = 1, 50 do chain = setmetatable({}, {__index = chain}) end
rawset(getmetatable(chain).__index, 'level', 'deep')
print(chain.level)
local fallback = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return 'fn:' .. k end})})
print(fallback.x)
local strmeta = getmetatable('')
print(strmeta.__index == string, ('abc').len == string.len, ('abc'):len())
print(pcall(function() local t = setmetatable({}, {__index = 5}) return t.x end))
