-- getupvalue / setupvalue / upvalueid / upvaluejoin, including C functions and invalid indices.
local a, b, c = 1, 'two', {}
local function f() return a, b, c end
for i = 0, 4 do local n, v = debug.getupvalue(f, i) print(i, n, type(v) == 'table' and 'table' or v) end
print(debug.setupvalue(f, 2, 'TWO'), b, debug.setupvalue(f, 9, 'x'))
local function g() return a end
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1), type(debug.upvalueid(f, 1)))
print(pcall(debug.upvalueid, f, 0))
print(pcall(debug.upvalueid, string.len, 1))
print(type(select(2, pcall(debug.upvalueid, string.gmatch('a', 'a'), 1))))
local function h() return b end
debug.upvaluejoin(g, 1, h, 1)
print(g(), debug.upvalueid(g, 1) == debug.upvalueid(h, 1))
print(pcall(debug.upvaluejoin, g, 1, string.gmatch('a', 'a'), 1))
print(pcall(debug.upvaluejoin, g, 2, h, 1))
local gm = string.gmatch('abc', '.')
print(debug.getupvalue(gm, 1), debug.getupvalue(gm, 2))
print(pcall(debug.getupvalue, 1, 1))
