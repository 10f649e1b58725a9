-- Short and long comments, including long comments of higher levels and code after them.
local x = 1 -- a comment
--[[ a long
comment ]] x = x + 1
--[==[ another ]] still
comment ]==] x = x + 10
---[[ this is a short comment, so the next line runs
x = x + 100
--]]
print(x) --[[inline]] print('after')
print(load('--[[ unfinished')) 
print(load('return 1 --[=[ ]] ]=] + 1')())
