-- Resuming dead, running, and normal coroutines; non-coroutine arguments; errors inside.
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co)) print(coroutine.resume(co))
local self_resume
self_resume = coroutine.create(function() return coroutine.resume(self_resume) end)
print(coroutine.resume(self_resume))
local a, b
a = coroutine.create(function() coroutine.resume(b) end)
b = coroutine.create(function() print('resume normal', coroutine.resume(a)) end)
coroutine.resume(a)
print(pcall(coroutine.resume, 'x'))
print(pcall(coroutine.resume))
print(coroutine.resume(coroutine.create(function() error('plain') end)))
print(coroutine.resume(coroutine.create(function() error('no position', 0) end)))
print(coroutine.resume(coroutine.create(function() error(42) end)))
print(coroutine.resume(coroutine.create(function() error() end)))
print(coroutine.resume(coroutine.create(function() local t = {} t.x.y = 1 end)))
print(coroutine.resume(coroutine.create(print), 'printed by resume'))
print(pcall(coroutine.create, 'notfunction'))
