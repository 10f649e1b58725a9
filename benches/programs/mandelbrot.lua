-- mandelbrot (after the Benchmarks Game): a tight floating-point loop, bits packed into
-- bytes with integer operators.
local N = 80
local iterations = 50
local checksum = 0
for y = 0, N - 1 do
  local Ci = 2 * y / N - 1
  local bits, nbits = 0, 0
  for x = 0, N - 1 do
    local Cr = 2 * x / N - 1.5
    local Zr, Zi, Zrq, Ziq = 0.0, 0.0, 0.0, 0.0
    local inside = 1
    for _ = 1, iterations do
      Zi = 2 * Zr * Zi + Ci
      Zr = Zrq - Ziq + Cr
      Zrq, Ziq = Zr * Zr, Zi * Zi
      if Zrq + Ziq > 4.0 then inside = 0; break end
    end
    bits = (bits << 1) | inside
    nbits = nbits + 1
    if nbits == 8 then
      checksum = (checksum * 31 + bits) % 1000000007
      bits, nbits = 0, 0
    end
  end
  if nbits > 0 then checksum = (checksum * 31 + (bits << (8 - nbits))) % 1000000007 end
end
return checksum
