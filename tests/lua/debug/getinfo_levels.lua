-- debug.getinfo by level inside nested calls: currentline, what, and names along the stack.
local function level3() local out = {} for l = 1, 3 do local i = debug.getinfo(l, 'nSl') out[#out + 1] = string.format('%s:%s:%d', tostring(i.name), i.what, i.currentline) end return out end
local function level2() local r = level3() return r end
local function level1() local r = level2() return r end
print(table.concat(level1(), ' '))
local co = coroutine.create(function() local x = 1 coroutine.yield() end)
coroutine.resume(co)
local i = debug.getinfo(co, 1, 'Sl') print(i.what, i.currentline, debug.getinfo(co, 0, 'n').name, debug.getinfo(co, 5))
