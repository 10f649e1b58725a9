-- To-be-closed variables close in reverse order at block exit, break, return and goto.
local log = {}
local function closer(name) return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ':' .. tostring(err) end}) end
do
  local a <close> = closer('a')
  local b <close> = closer('b')
  local c <close> = nil
  local d <close> = false
end
print(table.concat(log, ' ')) log = {}
for i = 1, 3 do local x <close> = closer('loop' .. i) if i == 2 then break end end
print(table.concat(log, ' ')) log = {}
local function f() local y <close> = closer('fn') return 'ret' end
print(f(), table.concat(log, ' ')) log = {}
do
  local i = 0
  ::again::
  do local z <close> = closer('goto' .. i) i = i + 1 if i < 3 then goto again end end
end
print(table.concat(log, ' '))
