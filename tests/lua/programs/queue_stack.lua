-- Queue and stack implementations with tables: push/pop ordering, wrap-around indices, sizes.
local Queue = {} Queue.__index = Queue
function Queue.new() return setmetatable({first = 1, last = 0, items = {}}, Queue) end
function Queue:push(v) self.last = self.last + 1 self.items[self.last] = v end
function Queue:pop() if self.first > self.last then return nil end local v = self.items[self.first] self.items[self.first] = nil self.first = self.first + 1 return v end
function Queue:size() return self.last - self.first + 1 end
local q = Queue.new()
for i = 1, 10 do q:push(i * i) end
local out = {} for i = 1, 4 do out[i] = q:pop() end
print(table.concat(out, ' '), q:size())
for i = 1, 3 do q:push('x' .. i) end
out = {} while q:size() > 0 do out[#out + 1] = q:pop() end print(table.concat(out, ' '), q:pop())
local stack = {}
for w in ('a b c d e'):gmatch('%a') do stack[#stack + 1] = w end
out = {} while #stack > 0 do out[#out + 1] = table.remove(stack) end print(table.concat(out))
