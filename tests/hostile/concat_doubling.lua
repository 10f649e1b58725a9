-- Memory bomb: a string doubled until it cannot be.
local s = 'x'
while true do s = s .. s end
