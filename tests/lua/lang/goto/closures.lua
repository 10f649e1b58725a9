-- A backward goto creates a fresh local each time: closures capture distinct variables.
local fs = {}
local i = 1
::top::
local x = i * 10
fs[#fs + 1] = function() return x end
i = i + 1
if i <= 3 then goto top end
print(fs[1](), fs[2](), fs[3]())
local count = 0
do
  ::redo::
  local y <const> = count
  count = count + 1
  if count < 3 then goto redo end
  print(y, count)
end
