-- Float arithmetic results printed with full precision agree bit for bit.
local function p(...) local t = {} for i = 1, select('#', ...) do t[i] = string.format('%.17g', (select(i, ...))) end print(table.concat(t, ' ')) end
p(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 1 - 0.9, 100 * 1.1, 1e16 + 1, 1e-300 * 1e-300)
p(3.0 / 7, 22 / 7, 1e308 * 10, -1e308 * 10, 5e-324 / 2, 2^0.5 * 2^0.5)
p(123456789.123456789, 0.1 + 0.7, 4.35 * 100, 1.005 * 1000, 9.95, 1.15)
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75, 1e15 + 0.3, 1e100, 1e-5, 123e-7, 2^63, -2^63)
print(1e14, 1e15, 1e16, 1e17, 123456789012345.6, 0.1, 1/3, -1/3, 100/3)
print(3.0, -3.0, 1e300 * 1e10, 2^53, 2^53 + 1.0, 1e15 / 7, 255 / 256)
