-- Closures share upvalues with their enclosing function and with each other.
local function make()
  local n = 0
  local function inc() n = n + 1 return n end
  local function get() return n end
  local function set(v) n = v end
  return inc, get, set
end
local inc, get, set = make()
inc() inc() print(get())
set(10) print(inc(), get())
local inc2, get2 = make() inc2() print(get2(), get())
local x = 1
local function f() return x end
x = 2 print(f())
local function adder(a) return function(b) return a + b end end
local add5 = adder(5) print(add5(1), adder(10)(1))
local function counter_gen()
  local c = 0
  return function() c = c + 1 return function() return c end end
end
local gen = counter_gen()
local r1 = gen() local r2 = gen()
print(r1(), r2())
