-- Recursive local functions, mutual recursion through upvalues, and deep (tail) calls.
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20), fact(21), fact(25.0))
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(10), is_odd(7), is_even(7))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end
print(loop(100000, 0))
local f = function(n) return n end
local g = function(n) local h = f return h(n) end
print(g(5))
local depth = 0
local function deep(n) depth = depth + 1 if n > 0 then return 1 + deep(n - 1) end return 0 end
print(deep(5000), depth)
