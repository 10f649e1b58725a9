-- Bitwise operators reject floats without an integer value, non-numeric strings and tables.
local function e(f) local ok, m = pcall(f) print(ok, m) end
e(function() return 1.5 & 1 end)
e(function() return 1 | 2^63 end)
e(function() return '1.5' ~ 1 end)
e(function() return 'abc' << 1 end)
e(function() return {} >> 1 end)
e(function() return ~1.5 end)
e(function() return ~'x' end)
e(function() return 1 & nil end)
e(function() local x = 0/0 return x | 0 end)
e(function() local s = 'a' return 1 & s end)
e(function() return math.huge & 1 end)
print(1.0 & 3, -0.0 | 0, 2.0^62 | 0, pcall(function() return '1' & 3 end))
