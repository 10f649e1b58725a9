-- Memoization with weak-keyed caches and closures: fibonacci, call counts.
local function memoize(f)
  local cache, calls = {}, 0
  return function(n) local v = cache[n] if v == nil then calls = calls + 1 v = f(n) cache[n] = v end return v end, function() return calls end
end
local fib, fib_calls
fib, fib_calls = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), fib_calls(), fib(90), fib_calls())
local collatz_len
collatz_len = memoize(function(n) if n == 1 then return 1 end return 1 + collatz_len(n % 2 == 0 and n // 2 or 3 * n + 1) end)
local best, best_n = 0, 0 for i = 1, 3000 do local l = collatz_len(i) if l > best then best, best_n = l, i end end
print(best_n, best)
