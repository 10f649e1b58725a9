-- An uncaught error whose value's __tostring itself fails: the host still gets a message.
error(setmetatable({}, {__tostring = function() error('tostring fails too') end}))
