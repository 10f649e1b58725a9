-- Finalizers that resurrect their object, and one that re-arms itself: the objects stay
-- usable and collection terminates.
resurrected = nil
setmetatable({name = 'phoenix'}, {__gc = function(o) resurrected = o end})
local rearmed = 0
local function arm() setmetatable({}, {__gc = function() rearmed = rearmed + 1 if rearmed < 50 then arm() end end}) end
arm()
for _ = 1, 60 do collectgarbage() end
return resurrected.name, rearmed
