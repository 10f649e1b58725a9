-- xpcall passes extra arguments; the handler's return value replaces the message; nested xpcall.
print(xpcall(function(...) return select('#', ...), ... end, debug.traceback, 1, nil, 3))
print(xpcall(function() error({msg = 'obj'}) end, function(e) return e.msg end))
print(xpcall(function() return xpcall(function() error('inner', 0) end, function(m) return 'inner handled: ' .. m end) end, function() return 'outer' end))
print(xpcall(function() error('x', 0) end, function() return 1, 2, 3 end))
print(xpcall(function() error('x', 0) end, function() end))
