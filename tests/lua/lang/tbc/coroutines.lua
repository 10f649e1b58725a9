-- To-be-closed variables in coroutines: closed by coroutine.close and when the coroutine errors.
local log = {}
local function closer(name) return setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. ':' .. tostring(e) end}) end
local co = coroutine.create(function()
  local a <close> = closer('a')
  local b <close> = closer('b')
  coroutine.yield(1)
  return 2
end)
print(coroutine.resume(co))
print(coroutine.close(co), coroutine.status(co))
print(table.concat(log, ' ')) log = {}
local co2 = coroutine.create(function() local c <close> = closer('c') error('oops', 0) end)
print(coroutine.resume(co2))
print(table.concat(log, ' ')) log = {}
local co3 = coroutine.wrap(function() local d <close> = closer('d') coroutine.yield('y') return 'done' end)
print(co3(), co3(), table.concat(log, ' '))
local co4 = coroutine.create(function()
  local e <close> = setmetatable({}, {__close = function() error('close error', 0) end})
  coroutine.yield()
end)
coroutine.resume(co4)
print(coroutine.close(co4))
local co5 = coroutine.create(function()
  local f <close> = setmetatable({}, {__close = function() coroutine.yield('yield in close') end})
  return 'body'
end)
print(coroutine.resume(co5))
print(coroutine.resume(co5))
