local ok, e = xpcall(function() error({code = 1}) end, function(m) return debug.traceback(m, 2) end)
local t = setmetatable({}, {__tostring = function() return 'custom' end})
return ok, type(e), pcall(error, t), pcall(string.rep), select(2, load('x ='))
