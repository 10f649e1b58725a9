-- <const> locals: compile-time errors on assignment; constant folding keeps semantics.
local a <const> = 10
local b <const> = a * 2
local s <const> = 'str'
print(a, b, s, a + b, s .. a)
local function f() return a + 1 end
print(f())
print(select(2, load('local x <const> = 1 x = 2')))
print(select(2, load('local x <const> = 1 local function f() x = 2 end')))
print(select(2, load('local x <foo> = 1')))
print(select(2, load('local a <close>, b <close> = 1, 2')))
local t <const> = {} t.field = 'tables stay mutable' print(t.field)
local big <const> = math.maxinteger print(big + 1 == math.mininteger)
local fl <const> = 0.1 print(fl * 3)
