-- A finalizer that never returns: hooks do not run inside finalizers, so only the
-- deadline can stop it.
setmetatable({}, {__gc = function() while true do end end})
collectgarbage()
