-- Decimal rounding of binary values in %f and %e: exact ties round to even, others to nearest.
local vals = {0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 0.625, 0.875, 1.25, 1.35, 2.675, 1.005, 1e-10, 123.5, 124.5, 0.05, 0.15, 0.25, 0.35, 0.45}
for _, v in ipairs(vals) do
  print(v, string.format('%.0f %.1f %.2f %.3f %.0e %.1e %.2e', v, v, v, v, v, v, v))
end
