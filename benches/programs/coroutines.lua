-- coroutine switching: resume and yield in a loop, values passed both ways, through
-- coroutine.wrap and coroutine.resume.
local function generator(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end

local sum = 0
for v in generator(20000) do sum = sum + v end

local echo = coroutine.create(function(x)
  while true do x = coroutine.yield(x * 2) end
end)
for i = 1, 20000 do
  local _, y = coroutine.resume(echo, i)
  sum = sum + y
end

for _ = 1, 500 do
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); return b * 2 end)
  local _, x = coroutine.resume(co, 1)
  local _, y = coroutine.resume(co, x)
  sum = sum + x + y
end
return sum
