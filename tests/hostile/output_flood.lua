-- Host memory bomb: printing without end. The module keeps at most 64 KiB and hands the
-- rest to the host, which keeps it for the call's result: a gigabyte a second.
local line = string.rep('x', 60000)
while true do print(line) end
