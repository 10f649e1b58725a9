-- Local scoping: shadowing, blocks, repeat-until sees body locals, globals through _ENV.
local x = 1
do local x = 2 print(x) end
print(x)
local x = x + 10 print(x)
local i = 0
repeat local done = i >= 2 i = i + 1 until done
print(i)
g = 'global'
local function f() local g = 'local' return g, _ENV.g end
print(f())
do local _ENV = {print = print} print(g, x) end
local function env_demo() local _ENV = {y = 5} return y end
print(env_demo(), y)
for j = 1, 2 do local j = j * 10 io_a = (io_a or '') .. j end print(io_a)
