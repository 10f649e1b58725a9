-- goto, numeric for at the integer limits, generic for, repeat scoping, to-be-closed.
for i = math.maxinteger - 2, math.maxinteger do io_write = (io_write or '') .. i .. ' ' end
print(io_write)
for i = math.mininteger, math.mininteger + 2 do print(i) end
for i = 1, 3, 0.5 do print(i) end
for i = 3, 1, -1 do print(i) end
print(pcall(function() for i = 1, 10, 0 do end end))
local i = 1
::top::
if i <= 3 then print('goto', i) i = i + 1 goto top end
local n = 0
repeat local m = n n = n + 1 until m >= 2
print(n)
do
  local log = {}
  do
    local a <close> = setmetatable({}, {__close = function(_, e) log[#log + 1] = 'a' .. tostring(e) end})
    local b <close> = setmetatable({}, {__close = function() log[#log + 1] = 'b' end})
  end
  print(table.concat(log, ','))
end
local c <const> = 10
print(c * 2)
