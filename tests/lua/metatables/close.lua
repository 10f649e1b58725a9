-- __close receives the value and the error (nil when none); it is looked up at close time.
local mt = {}
local log = {}
mt.__close = function(v, e) log[#log + 1] = v.name .. ':' .. tostring(e) end
do local x <close> = setmetatable({name = 'x'}, mt) end
mt.__close = function(v, e) log[#log + 1] = 'replaced ' .. v.name end
do local y <close> = setmetatable({name = 'y'}, mt) end
print(table.concat(log, ' '))
print(pcall(function() local z <close> = setmetatable({name = 'z'}, mt) mt.__close = nil end))
local m2 = {__close = function() end}
local ok, err = pcall(function() local a <close> = setmetatable({}, m2) error({code = 1}) end) print(ok, type(err), err.code)
local ok, e = pcall(function() local a <close> = setmetatable({}, {__close = function(_, err) error(err.code + 1, 0) end}) error({code = 1}) end)
print(ok, e)
