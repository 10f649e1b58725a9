-- debug.getupvalue/setupvalue/upvalueid/upvaluejoin on shared and separate upvalues.
local a, b = 1, 2
local function f() return a + b end
local function g() return a end
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 3))
print(debug.setupvalue(f, 1, 10), a, f())
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1), debug.upvalueid(f, 2) == debug.upvalueid(g, 1))
debug.upvaluejoin(g, 1, f, 2)
print(g(), debug.upvalueid(g, 1) == debug.upvalueid(f, 2))
print(pcall(debug.upvalueid, f, 5))
print(pcall(debug.upvaluejoin, f, 5, g, 1))
print(debug.getupvalue(string.len, 1), debug.getupvalue(string.gmatch('a', 'a'), 1) ~= nil)
local function h() return _ENV end
print(debug.getupvalue(h, 1), select(2, debug.getupvalue(h, 1)) == _ENV)
