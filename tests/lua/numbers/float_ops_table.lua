-- Float arithmetic over special values (zeros, infinities, tiny and huge) printed exactly.
local vals = {0.0, -0.0, 1.0, -2.5, 1e308, -1e308, 5e-324, 1/0, -1/0}
local function f(x) if x ~= x then return 'nan' end return string.format('%.17g', x) end
for _, a in ipairs(vals) do
  local row = {}
  for _, b in ipairs(vals) do row[#row + 1] = f(a + b) .. ',' .. f(a * b) .. ',' .. f(a / b) end
  print(f(a), table.concat(row, ' '))
end
