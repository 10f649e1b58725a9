-- Yields cross pcall, xpcall, metamethods, and iterators; errors after yields are caught.
local co = coroutine.wrap(function()
  local ok, v = pcall(function() local x = coroutine.yield('in pcall') return x * 2 end)
  print('pcall result', ok, v)
  local ok2, e = pcall(function() coroutine.yield('before error') error('after yield', 0) end)
  print('pcall error', ok2, e)
  local ok3, m = xpcall(function() coroutine.yield('in xpcall') error('xp') end, function(m) return 'handled: ' .. m:gsub('^.-: ', '') end)
  print('xpcall', ok3, m)
  local mt = {__add = function(a, b) return coroutine.yield('in __add') end}
  local r = setmetatable({}, mt) + 1
  print('metamethod result', r)
  local mt2 = {__index = function(t, k) return coroutine.yield('in __index ' .. k) end}
  print('index result', setmetatable({}, mt2).key)
  for i in function(_, c) c = (c or 0) + 1 if c <= 2 then return coroutine.yield('iter ' .. c) end end do print('loop', i) end
  return 'end'
end)
print(co()) print(co(21)) print(co()) print(co()) print(co('sum')) print(co('value')) print(co(1)) print(co(nil))
