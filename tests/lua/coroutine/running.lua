-- coroutine.running and isyieldable in the main thread, coroutines, and nested coroutines.
local main, ismain = coroutine.running()
print(type(main), ismain, coroutine.isyieldable())
local co
co = coroutine.create(function()
  local me, m = coroutine.running()
  print(me == co, m, coroutine.isyieldable(), coroutine.isyieldable(co), coroutine.isyieldable(main))
  local nested = coroutine.create(function() local n, m2 = coroutine.running() print(n ~= co, m2, coroutine.status(co)) end)
  coroutine.resume(nested)
end)
coroutine.resume(co)
print(coroutine.isyieldable(co), coroutine.status(co), pcall(coroutine.isyieldable, 'x'))
print(type(coroutine.running()), select('#', coroutine.running()))
