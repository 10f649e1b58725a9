-- The fourth value of a generic for is closed when the loop ends, breaks, or errors.
local log = {}
local function iter(n, name)
  local c = setmetatable({}, {__close = function(_, e) log[#log + 1] = 'close ' .. name .. ' ' .. tostring(e) end})
  return function(_, i) i = i + 1 if i <= n then return i end end, nil, 0, c
end
for i in iter(2, 'normal') do log[#log + 1] = i end
for i in iter(5, 'break') do if i == 2 then break end end
print(pcall(function() for i in iter(5, 'error') do error('in loop', 0) end end))
local function ret() for i in iter(5, 'return') do return i end end
print(ret())
print(table.concat(log, '; '))
