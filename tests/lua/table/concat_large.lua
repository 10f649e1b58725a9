-- table.concat of many pieces and large separators; results checked by length and samples.
local t = {} for i = 1, 5000 do t[i] = i end
local s = table.concat(t, ',') print(#s, s:sub(1, 10), s:sub(-10))
local u = table.concat(t, ('-'):rep(10), 4990) print(#u, u)
local floats = {} for i = 1, 10 do floats[i] = i / 4 end print(table.concat(floats, ' '))
print(#table.concat({}, ('x'):rep(1000)), table.concat({'a'}, ('x'):rep(1000)))
