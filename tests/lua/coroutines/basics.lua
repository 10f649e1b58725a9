-- Coroutines: resume/yield values, wrap, status, isyieldable, running, yield across pcall, close.
local co = coroutine.create(function(a, b)
  print('start', a, b)
  local c = coroutine.yield(a + b)
  print('got', c)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co), coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
print(coroutine.isyieldable(), select(2, coroutine.running()))
local inner = coroutine.wrap(function()
  print(coroutine.isyieldable(), select(2, coroutine.running()))
  local ok, v = pcall(function() return coroutine.yield('from pcall') + 1 end)
  print('after pcall', ok, v)
  return 'end'
end)
print(inner()) print(inner(41))
local ok, err = pcall(coroutine.yield, 1) print(ok, err)
local dead = coroutine.create(function() error('x') end) coroutine.resume(dead)
print(coroutine.close(dead))
print(pcall(coroutine.resume, coroutine.running()))
local count = 0
for i = 1, 1000 do local c = coroutine.wrap(function() count = count + 1 coroutine.yield() end) c() end
print(count)
