-- Conversions float -> integer: exact only; in table keys, for-loops, string.rep, bit ops.
print(math.tointeger(3.0), math.tointeger(-0.0), math.tointeger(3.5), math.tointeger(2^63), math.tointeger(-2^63))
print(math.tointeger(2^53), math.tointeger(1e100), math.tointeger(0/0), math.tointeger(math.huge), math.tointeger('3'))
print(('x'):rep(3.0), pcall(string.rep, 'x', 2.5))
print(string.sub('hello', 2.0, 4.0), pcall(string.sub, 'hello', 1.5))
print(3.0 | 0, math.type(3.0 | 0), pcall(function() return 3.5 | 0 end))
print(#{[1.0] = 'a', [2.0] = 'b'}, ({[1.0] = 'a'})[1], math.type(next({[2.0] = 1})))
print(string.format('%d', 3.0), pcall(string.format, '%d', 3.1), string.format('%x', 2^53))
print(math.floor(-0.0), math.type(math.floor(-0.0)), math.ceil(-0.5), math.floor(2^62), math.floor(2^63))
