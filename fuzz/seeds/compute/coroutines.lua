local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) error(b) end)
local ok, e = pcall(function() co(1) return co('boom') end)
return ok, e, coroutine.isyieldable(), select('#', coroutine.running())
