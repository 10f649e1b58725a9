local mt = {__index = function(t, k) return k * 2 end, __add = function(a, b) return 1 end,
  __concat = function(a, b) return 'c' end, __len = function() return 7 end,
  __call = function(self, x) return x end, __close = function() end, __gc = function() end}
local t = setmetatable({}, mt)
do local c <close> = t end
return t[21], t + t, t .. 'x', #t, t(5), pcall(error, t)
