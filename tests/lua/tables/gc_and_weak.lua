-- Weak tables, __gc finalizers, collectgarbage options.
local weak = setmetatable({}, {__mode = 'k'})
do local key = {} weak[key] = 'v' end
collectgarbage() collectgarbage()
local n = 0 for _ in pairs(weak) do n = n + 1 end print('weak keys left', n)
local wv = setmetatable({}, {__mode = 'v'})
wv[1] = {} wv[2] = 'string stays'
collectgarbage()
print(wv[1], wv[2])
local log = {}
do setmetatable({}, {__gc = function() log[#log + 1] = 'finalized' end}) end
collectgarbage()
print(log[1])
print(type(collectgarbage('count')), collectgarbage('isrunning'), collectgarbage('step'), collectgarbage('incremental'))
print(collectgarbage('generational'), collectgarbage('incremental'))
print(pcall(collectgarbage, 'bogus'))
