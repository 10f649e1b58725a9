-- Memory bomb: closures, each capturing the previous one.
local f = function() end
while true do local g = f f = function() return g end end
