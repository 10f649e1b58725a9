-- Finalizers that fail: an error, a runaway allocation. Lua reports errors in __gc as
-- warnings and goes on.
warn('@on')
setmetatable({}, {__gc = function() error('failing finalizer') end})
setmetatable({}, {__gc = function() local t = {} while true do t[#t + 1] = {} end end})
collectgarbage()
collectgarbage()
return 'survived'
