-- Host memory bomb: _home writes without end, all held in the call's transaction until
-- the call ends.
local value = string.rep('x', 500000)
for i = 1, math.maxinteger do _home[i] = value end
