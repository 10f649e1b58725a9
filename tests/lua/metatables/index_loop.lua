-- A cycle of __index tables raises "'__index' chain too long; possible loop".
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
print(pcall(function() return a.x end))
local c = {} setmetatable(c, {__newindex = c})
print(pcall(function() c.x = 1 end), rawget(c, 'x'))
local d, e = {}, {}
setmetatable(d, {__newindex = e}) setmetatable(e, {__newindex = d})
print(pcall(function() d.y = 1 end))
