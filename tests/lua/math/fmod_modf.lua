-- math.fmod with integers (mininteger, negative, zero divisor) and floats; math.modf.
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3), math.fmod(0, 5))
print(math.fmod(math.mininteger, -1), math.fmod(math.mininteger, 1), math.fmod(math.mininteger, math.maxinteger), math.fmod(math.maxinteger, math.mininteger))
print(math.fmod(5, math.mininteger), math.fmod(-5, math.mininteger), math.fmod(math.mininteger, 2), math.fmod(math.mininteger, 3))
print(pcall(math.fmod, 1, 0))
print(pcall(math.fmod, 0, 0))
print(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7, 2.5), math.fmod(1, 0.0) ~= math.fmod(1, 0.0), math.fmod(1e300, 3))
print(math.fmod(1, math.huge), math.fmod(-1, math.huge), math.fmod(-0.0, 1), math.fmod(5.5, -2))
print(math.type(math.fmod(7, 3)), math.type(math.fmod(7, 3.0)), pcall(math.fmod, 1), pcall(math.fmod, 'a', 1))
for _, v in ipairs({3.7, -3.7, 5, -5, 0.0, -0.0, 1/0, -1/0, 2^53 + 0.0, 1e100, 0.5}) do
  local i, f = math.modf(v)
  print(v, i, math.type(i), f, math.type(f))
end
