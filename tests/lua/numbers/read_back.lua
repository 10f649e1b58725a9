-- Floats printed with %.17g read back to the same value; tonumber of many decimal forms agrees.
math.randomseed(7)
local bad = 0
for i = 1, 500 do
  local x = (math.random() - 0.5) * 10.0 ^ math.random(-300, 300)
  if tonumber(string.format('%.17g', x)) ~= x then bad = bad + 1 end
  if load('return ' .. string.format('%q', x))() ~= x then bad = bad + 1 end
end
print(bad)
local digits = {'1', '12', '123456789012345678', '9007199254740993', '2.2250738585072011e-308', '2.2250738585072014e-308',
  '4.9406564584124654e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623157e308', '1.7976931348623158e308',
  '1.7976931348623159e308', '0.1', '0.3', '3.0000000000000001', '1e23', '8.5e-8', '1.00000000000000011102230246251565404236316680908203125',
  '1.00000000000000011102230246251565404236316680908203124', '1.00000000000000011102230246251565404236316680908203126',
  '7.2057594037927933e16', '123.456e-789', '0.000000000000000000000000000000000000000000001e300', '1' .. string.rep('0', 400) .. 'e-400'}
for _, s in ipairs(digits) do local v = tonumber(s) print(s:sub(1, 40), string.format('%a', v), math.type(v)) end
