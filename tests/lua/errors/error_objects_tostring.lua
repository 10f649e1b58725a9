-- tostring of caught error values; error with a table that has __tostring used by the caller.
local E = setmetatable({}, {__tostring = function(self) return 'E(' .. self.msg .. ')' end})
E.__index = E
local function new(msg) return setmetatable({msg = msg}, getmetatable(E)) end
local ok, err = pcall(error, new('disk full'))
print(ok, tostring(err), err.msg)
print(select(2, pcall(error, setmetatable({}, {__name = 'MyError'}))) ~= nil)
local ok2, err2 = pcall(function() error(new('level2'), 2) end)
print(tostring(err2))
print(string.format('%s', err2))
