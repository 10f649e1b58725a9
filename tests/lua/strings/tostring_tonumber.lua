-- Number <-> string conversions must match native Lua exactly.
local values = {0, -0.0, 1, -1, 0.1, 1/3, 2^53, 2^63, -2^63, 1e100, 1e-100, 5e-324, 1.7976931348623157e308,
  123456.789, 1e15, 1e16, 12345678901234567, math.pi, -math.huge, math.huge, 100, 100.0, 2^24 + 0.5}
for _, v in ipairs(values) do print(v, tostring(v), math.type(v), string.format('%.17g', v)) end
local strings = {'10', '  10  ', '0x10', '0X1p4', '1e2', '1E+2', '.5', '5.', '0x.8', '0x1.8p1', '1e', 'e1',
  '0x', '', ' ', 'inf', 'nan', '1 2', '0x7fffffffffffffff', '0xffffffffffffffff', '9223372036854775807',
  '9223372036854775808', '-9223372036854775808', '1e400', '-1e400', '4.9e-324', '2.4703282292062328e-324',
  '0.1e1', '00012', '1_000', '0b101', '123456789012345678901234567890'}
for _, s in ipairs(strings) do
  local n = tonumber(s)
  print(string.format('%q', s), n, math.type(n))
end
print(tonumber('ff', 16), tonumber('zz', 36), tonumber('777', 8), tonumber('102', 2), tonumber('1.5', 10), tonumber('-ff', 16))
print(pcall(tonumber, '10', 1), pcall(tonumber, 10, 16))
print(10 .. '', 1.5 .. '', -0.0 .. '', 2^63 .. '', math.mininteger .. '')
return tonumber('0x1p-1074'), tonumber('1e-400'), 0x7fffffffffffffff + 1, 0xffffffffffffffff
