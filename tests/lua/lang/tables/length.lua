-- The length operator on sequences, and borders that are the same in every Lua 5.4 build.
print(#{}, #{1}, #{1, 2, 3}, #{nil}, #{n = 1}, #'abc', #'')
local t = {} for i = 1, 10 do t[i] = i end print(#t)
t[#t] = nil print(#t)
t[#t + 1] = 'x' print(#t)
local s = {1, 2, 3} s[5] = 5 print(#s == 3 or #s == 5)
local holes = {1, nil, 3} print(#holes == 3 or #holes == 1)
local shrink = {} for i = 1, 100 do shrink[i] = i end for i = 100, 51, -1 do shrink[i] = nil end print(#shrink)
print(rawlen({1, 2}), rawlen('xyz'), pcall(rawlen, 5))
