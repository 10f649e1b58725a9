-- Memory bomb: coroutines created and kept, each suspended with a stack of its own.
local kept = {}
while true do
  local co = coroutine.wrap(function() coroutine.yield() end)
  co()
  kept[#kept + 1] = co
end
