-- %g switches to exponent form at precision boundaries; rounding that carries into a new digit.
local vals = {9.5, 99.5, 999.5, 9999.5, 99999.5, 999999.5, 9999995, 0.00009999995, 0.0001, 0.00001, 1e-5 * 9.99999,
  123456, 1234567, 12345678, 0.1234567, 9.9999999999999e14, 1e15, 1e16, 5e-324, 2.5, 3.5, 0.25, 0.35}
for _, v in ipairs(vals) do
  print(string.format('%g|%.1g|%.2g|%.6g|%.10g|%#g|%.14g', v, v, v, v, v, v, v))
end
