-- error levels: 1 (the function calling error), 2 (its caller), 0 (no position), beyond the stack.
local function lvl(n) error('at level ' .. n, n) end
local function caller(n) lvl(n) end
print(pcall(caller, 0))
print(pcall(caller, 1))
print(pcall(caller, 2))
print(pcall(caller, 3))
print(pcall(caller, 50))
local function check(x) if type(x) ~= 'number' then error('expected number', 2) end end
local function api(x) check(x) end
print(pcall(api, 'str'))
print(pcall(function() error('in anonymous') end))
print(pcall(function() error('multi\nline') end))
print(pcall(error, 'direct', 1))
print(pcall(error, 'direct', 2))
