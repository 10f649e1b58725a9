-- Indexing non-tables: strings go to the string table; numbers, booleans, nil raise errors naming the variable.
local s = 'text'
print(s.upper == string.upper, s.nonexistent, ('x').rep('ab', 2))
local function e(f) print(pcall(f)) end
e(function() local n = 1 return n.x end)
e(function() local b = true return b.x end)
e(function() return nothing.x end)
e(function() local t = {} return t.a.b.c end)
e(function() local t = {a = {}} return t.a.b.c end)
e(function() local up = nil return (function() return up.x end)() end)
e(function() local n = 1 n.x = 2 end)
e(function() return (1).x end)
e(function() return ('x')[1] end)
e(function() return math.nope.x end)
e(function() return string.format.x end)
