-- math.floor and math.ceil: integers stay integers, floats convert when they fit, huge floats stay floats.
local vals = {0, -0.0, 0.5, -0.5, 1.5, -1.5, 2^52 + 0.5, 2^53, 2^62, 2^63, -2^63, -2^63 - 1025, 1e100, -1e100, math.huge, -math.huge, math.maxinteger, math.mininteger, 7}
for _, v in ipairs(vals) do
  local f, c = math.floor(v), math.ceil(v)
  print(v, f, math.type(f), c, math.type(c))
end
print(pcall(math.floor, 'x'), math.floor('3.7'), math.ceil('3.2'), pcall(math.floor))
