-- Too many values: table.unpack and string.byte stop with "too many results", not a crash.
print(pcall(table.unpack, {}, 1, 1000000))
print(pcall(string.rep, 'x', 1, ''))
local ok, n = pcall(function() return select('#', table.unpack({}, 1, 5000)) end)
print(ok, n)
local s = string.rep('a', 5000)
print(select('#', s:byte(1, -1)))
print(pcall(function() return select('#', string.byte(string.rep('b', 100), 1, -1)) end))
