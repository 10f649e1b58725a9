-- ^, exp and log printed to 17 digits: results are rounded as glibc rounds them.
local out = {}
for _, b in ipairs({2, 3, 10, 0.5, 1.1, 7.25}) do
  for _, e in ipairs({-12, -3, -0.5, 0.1, 1.5, 3, 7, 12.5}) do out[#out + 1] = string.format('%.17g', b ^ e) end
end
print(table.concat(out, ' '))
out = {}
for _, x in ipairs({-10, -1, -0.1, 0.001, 0.5, 1, 2, 10, 100, 700}) do out[#out + 1] = string.format('%.17g', math.exp(x)) end
print(table.concat(out, ' '))
out = {}
for _, x in ipairs({1e-300, 0.001, 0.5, 2, 3, 10, 1000, 123456.789, 1e300}) do
  out[#out + 1] = string.format('%.17g %.17g %.17g', math.log(x), math.log(x, 2), math.log(x, 10))
end
print(table.concat(out, ' | '))
print(10 ^ 2 == 100, 10 ^ -2 == 0.01, 2 ^ 0.5 == math.sqrt(2), 10 ^ 15 == 1e15, math.log(1000, 10) == 3, math.exp(math.log(10)))
local function round(x, n) local m = 10 ^ n return math.floor(x * m + 0.5) / m end
print(round(math.pi, 2), round(2.675, 2), round(1.005, 2), round(-1.5, 0), round(123.456789, 4))
