-- debug.getlocal / setlocal: named locals, temporaries, varargs (negative indices), parameters of functions.
local function f(a, b, ...)
  local x, y = 'lx', 'ly'
  local out = {}
  for i = 1, 6 do local n, v = debug.getlocal(1, i) out[#out + 1] = tostring(n) .. '=' .. (type(v) == 'table' and 'table' or tostring(v)) end
  print(table.concat(out, ' '))
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
  print(debug.setlocal(1, 3, 'changed'), x, debug.setlocal(1, 20, 'none'))
  print(debug.setlocal(1, -1, 'va changed'), ...)
end
f(1, 2, 'va1', 'va2')
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))
print(debug.getlocal(print, 1))
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal, 1, 'x'))
local co = coroutine.create(function(p) local q = p * 2 coroutine.yield() end)
coroutine.resume(co, 21)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 2, 99), debug.getlocal(co, 1, 2))
do local for_check = 1 for i = 10, 10 do print(debug.getlocal(1, 3), debug.getlocal(1, 4)) end end
