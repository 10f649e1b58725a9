-- Host memory bomb: warnings without end (they go to the host as they are written).
warn('@on')
local line = string.rep('x', 60000)
while true do warn(line) end
