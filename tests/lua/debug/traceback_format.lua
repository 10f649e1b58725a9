-- debug.traceback text for frames inside the chunk: names, levels, message handling, coroutines.
local function strip(tb, n)
  local lines = {} for l in tb:gmatch('[^\n]+') do lines[#lines + 1] = l if #lines == n then break end end
  return table.concat(lines, '\n')
end
local function a() return debug.traceback('msg', 1) end
local function b() return a() end
print(strip(b(), 4))
print(strip(debug.traceback('lvl2', 2), 1))
local t = {} function t.method() return debug.traceback() end
print(strip(t.method(), 2))
local co = coroutine.create(function() local function inside() coroutine.yield() end inside() end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, 'co msg'))
print(debug.traceback(co, nil, 1))
print(debug.traceback(co, 'lvl', 5))
local dead = coroutine.create(function() error('x') end) coroutine.resume(dead)
print(debug.traceback(dead))
