-- Closures share upvalues; varargs keep their nils; select and table.pack agree.
local function counter()
  local n = 0
  return function() n = n + 1 return n end, function() return n end
end
local inc, get = counter()
inc() inc()
print(get())
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local function va(...)
  local t = table.pack(...)
  return select('#', ...), t.n, select(2, ...)
end
print(va(1, nil, 3, nil))
print(select(-1, 'a', 'b', 'c'), pcall(select, 0, 'a'))
local function tail(n) if n == 0 then return 'done' end return tail(n - 1) end
print(tail(100000))
return va()
