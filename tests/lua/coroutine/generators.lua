-- Generators built with coroutines: permutations, tree traversal, and lazily chained filters.
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do a[n], a[i] = a[i], a[n] permgen(a, n - 1) a[n], a[i] = a[i], a[n] end
  end
end
local perms = {} for p in coroutine.wrap(function() permgen({'a', 'b', 'c'}) end) do perms[#perms + 1] = table.concat(p) end
print(#perms, table.concat(perms, ' '))
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(n) if n then walk(n.l) coroutine.yield(n.v) walk(n.r) end end
local vals = {} for v in coroutine.wrap(function() walk(tree) end) do vals[#vals + 1] = v end print(table.concat(vals, ' '))
local function take(n, gen) return coroutine.wrap(function() for i = 1, n do local v = gen() if v == nil then return end coroutine.yield(v) end end) end
local naturals = coroutine.wrap(function() local i = 0 while true do i = i + 1 coroutine.yield(i) end end)
local got = {} for v in take(5, naturals) do got[#got + 1] = v * v end print(table.concat(got, ' '))
