-- Memory bomb: a string grown by concatenation, 64 bytes at a time.
local s = ''
local chunk = string.rep('x', 64)
while true do s = s .. chunk end
