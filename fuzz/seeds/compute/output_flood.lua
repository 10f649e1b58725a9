-- Output without end: stopped by the host's per-call output limit (or the deadline).
local s = ("x"):rep(60000)
while true do print(s) end
