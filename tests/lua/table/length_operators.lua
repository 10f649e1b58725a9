-- Functions of the table library honour __len, __index and __newindex (5.4 semantics).
local log = {}
local proxy = setmetatable({}, {
  __len = function() return 3 end,
  __index = function(_, k) log[#log + 1] = 'r' .. k return k * 10 end,
  __newindex = function(t, k, v) log[#log + 1] = 'w' .. k rawset(t, k, v) end,
})
table.insert(proxy, 'x')
print(table.concat(log, ' ')) log = {}
print(table.remove(setmetatable({}, {__len = function() return 2 end, __index = {1, 2}})))
print(table.unpack(setmetatable({}, {__len = function() return 2 end, __index = {'p', 'q'}})))
print(pcall(table.insert, setmetatable({}, {__len = function() return 'x' end}), 1))
print(pcall(table.insert, setmetatable({}, {__len = function() return 2^53 end}), 1))
print(#setmetatable({}, {__len = function() return -1 end}))
