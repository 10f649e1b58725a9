-- error with non-string values: tables, nil, numbers, booleans, functions keep their identity.
local t = {code = 42}
local ok, e = pcall(error, t) print(ok, e == t, e.code)
print(pcall(error, nil))
print(pcall(error))
print(pcall(error, 42))
print(pcall(error, 4.5))
print(pcall(error, true))
print(pcall(error, false))
local f = function() end
local ok2, e2 = pcall(error, f) print(ok2, e2 == f)
print(pcall(error, 'string', 1))
print(pcall(error, 42, 2))
print(select('#', pcall(error)))
local ok3, e3 = pcall(error, setmetatable({}, {__tostring = function() return 'custom error' end}))
print(ok3, tostring(e3))
