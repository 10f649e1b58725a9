-- __gc finalizers run on collection (reverse order of marking) and at most once; resurrection.
local log = {}
for i = 1, 3 do setmetatable({}, {__gc = function() log[#log + 1] = i end}) end
collectgarbage() collectgarbage()
table.sort(log) print(table.concat(log, ' '))
local saved
do setmetatable({name = 'phoenix'}, {__gc = function(o) saved = o end}) end
collectgarbage()
print(saved and saved.name)
saved = nil collectgarbage()
local mt = {}
local obj = setmetatable({}, mt)
mt.__gc = function() log[#log + 1] = 'late' end
obj = nil collectgarbage()
print(log[#log])
local order = {}
local a = setmetatable({}, {__gc = function() order[#order + 1] = 'a' end})
local b = setmetatable({}, {__gc = function() order[#order + 1] = 'b' end})
a, b = nil, nil collectgarbage()
print(table.concat(order, ' '))
setmetatable({}, {__gc = function() error('in gc') end}) collectgarbage()
print('survived gc error')
