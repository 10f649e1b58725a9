-- Memory bomb: a table grown with string keys, each key a new string.
local t = {}
for i = 1, math.maxinteger do t['key' .. i] = i end
