-- Table constructors: positional, named, bracketed, trailing separators, calls expanding last.
local function three() return 1, 2, 3 end
local t = {three(), three(), x = 1, ['y'] = 2, [10] = 'ten'; 'last',}
print(#t, t[1], t[2], t[3], t[4], t[5], t.x, t.y, t[10])
local u = {[1] = 'a', 'b'} print(u[1])
local v = {'a', [1] = 'b'} print(v[1])
local w = {n = 1, n = 2} print(w.n)
local nested = {{1, 2}, {3, {4, 5}}} print(nested[2][2][2], #nested)
local e = {} print(#e, next(e))
local s = {[1] = 1, [2] = 2, [3] = 3} print(#s)
local f = {(three())} print(#f)
local big = {} for i = 1, 1000 do big[i] = i end print(#big, big[1000])
