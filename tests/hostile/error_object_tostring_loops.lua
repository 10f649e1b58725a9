-- An uncaught error whose value's __tostring never returns.
error(setmetatable({}, {__tostring = function() while true do end end}))
