-- Method lookup through several levels of __index tables and functions, with overriding.
local A = {name = 'A'} A.__index = A
function A.hello(self) return 'A.hello from ' .. self.name end
function A.who() return 'A' end
local B = setmetatable({name = 'B'}, A) B.__index = B
function B.who() return 'B' end
local C = setmetatable({}, B) C.__index = C
local obj = setmetatable({name = 'obj'}, C)
print(obj:hello(), obj.who(), rawget(C, 'who'), getmetatable(obj) == C)
C.who = function() return 'C' end print(obj.who())
B.hello = function(self) return 'B.hello, then ' .. A.hello(self) end print(obj:hello())
print(obj.missing, rawget(obj, 'name'), C.name, B.name)
