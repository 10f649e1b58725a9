-- debug.getinfo 'n': how functions are named by their callers (global, local, method, field, upvalue, metamethod).
local function name_of() local i = debug.getinfo(2, 'n') return tostring(i.name) .. '/' .. i.namewhat end
function global_fn() local r = name_of() return r end
local function local_fn() local r = name_of() return r end
local t = {field = function() local r = name_of() return r end}
function t:method() local r = name_of() return r end
local up = function() local r = name_of() return r end
local function uses_up() local r = up() return r end
print(global_fn(), local_fn(), t.field(), t:method(), uses_up())
local mt = {__index = function() local r = name_of() return r end, __add = function() local r = name_of() return r end, __call = function() local r = name_of() return r end}
local o = setmetatable({}, mt)
print(o.x, o + 1, o())
for _, v in pairs({x = 1}) do print((function() local r = name_of() return r end)()) end
print(pcall(function() local r = name_of() return r end))
local co = coroutine.wrap(function() local r = name_of() return r end) print(co())
