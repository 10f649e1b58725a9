-- closures and upvalues: making closures, reading and writing captured variables,
-- shared and nested upvalues.
local function counter(start)
  local n = start
  return function(step) n = n + step; return n end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local sum = 0
for i = 1, 2000 do
  local c = counter(i)
  for _ = 1, 20 do sum = sum + c(1) end
end

local add1 = function(x) return x + 1 end
local double = function(x) return x * 2 end
local f = compose(add1, double)
for _ = 1, 10 do f = compose(f, add1) end
for i = 1, 5000 do sum = sum + f(i) end

local shared = 0
local incs = {}
for i = 1, 100 do incs[i] = function() shared = shared + i end end
for _ = 1, 200 do
  for i = 1, 100 do incs[i]() end
end
return sum + shared
