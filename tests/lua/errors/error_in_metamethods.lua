-- Errors raised inside metamethods propagate with the metamethod's position.
local mt = {
  __index = function(t, k) error('no field ' .. k) end,
  __add = function() error('cannot add', 2) end,
  __tostring = function() error('no string') end,
  __eq = function() error('eq failed') end,
  __len = function() error({reason = 'len'}) end,
}
local obj = setmetatable({}, mt)
print(pcall(function() return obj.missing end))
print(pcall(function() return obj + 1 end))
print(pcall(tostring, obj))
print(pcall(function() return obj == setmetatable({}, mt) end))
local ok, e = pcall(function() return #obj end) print(ok, e.reason)
print(pcall(function() return setmetatable({}, {__call = function(self, a) error('call ' .. a) end})('arg') end))
print(pcall(function() local x <close> = setmetatable({}, {__close = function() error('closing') end}) end))
