-- tostring of numbers: integers plainly, floats with %.14g and a '.0' when integral-looking.
local xs = {0, -0.0, 0.0, 1.0, -1.5, 1e14, 1e15, 1e16, 123456789012345, 1234567890123456.0, 0.1, 1/3,
  2^63, -2^63, 2^-1074, 1e308, 3.14159265358979, 100.0, 1e-7, 123e-310, math.huge, -math.huge}
for _, x in ipairs(xs) do io_l = (io_l or '') .. tostring(x) .. ' ' end print(io_l)
print(tostring(7), tostring(-7), tostring(math.maxinteger), tostring(math.mininteger))
print(string.format('%s %s', 1.0, 2), 1.0, 1e15, -1e15, 2^24, 5e-324)
