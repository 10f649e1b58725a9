-- Many coroutines and deep Lua recursion inside a coroutine; yields from nested calls.
local count = 0
for i = 1, 2000 do
  local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) count = count + b end)
  co(i) co(1)
end
print(count)
local function rec(n) if n == 0 then return coroutine.yield('bottom') end return rec(n - 1) + 1 end
local co = coroutine.wrap(function() return rec(1000) end)
print(co(), co(0))
local function producer() return coroutine.wrap(function() for i = 1, 5 do coroutine.yield(i) end end) end
local function filter(src) return coroutine.wrap(function() for v in src do if v % 2 == 1 then coroutine.yield(v * 10) end end end) end
local out = {} for v in filter(producer()) do out[#out + 1] = v end print(table.concat(out, ' '))
