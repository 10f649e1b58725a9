-- An __index function that caches with rawset: the second access does not call it again.
local calls = 0
local cache = setmetatable({}, {__index = function(t, k) calls = calls + 1 local v = k * k rawset(t, k, v) return v end})
print(cache[4], cache[4], cache[5], calls)
cache[4] = nil print(cache[4], calls)
local proxy_log = {}
local backing = {a = 1}
local proxy = setmetatable({}, {__index = function(_, k) proxy_log[#proxy_log + 1] = 'get ' .. k return backing[k] end,
  __newindex = function(_, k, v) proxy_log[#proxy_log + 1] = 'set ' .. k backing[k] = v end})
proxy.a = proxy.a + 1 proxy.b = 'new'
print(backing.a, backing.b, rawget(proxy, 'a'), table.concat(proxy_log, ', '))
