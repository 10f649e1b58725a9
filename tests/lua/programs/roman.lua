-- Roman numerals both ways for many values, checking round trips.
local vals = {{1000, 'M'}, {900, 'CM'}, {500, 'D'}, {400, 'CD'}, {100, 'C'}, {90, 'XC'}, {50, 'L'}, {40, 'XL'}, {10, 'X'}, {9, 'IX'}, {5, 'V'}, {4, 'IV'}, {1, 'I'}}
local function to_roman(n) local out = {} for _, p in ipairs(vals) do while n >= p[1] do out[#out + 1] = p[2] n = n - p[1] end end return table.concat(out) end
local digit = {I = 1, V = 5, X = 10, L = 50, C = 100, D = 500, M = 1000}
local function from_roman(s)
  local total = 0
  for i = 1, #s do
    local v, nxt = digit[s:sub(i, i)], digit[s:sub(i + 1, i + 1)]
    if nxt and nxt > v then total = total - v else total = total + v end
  end
  return total
end
local ok = true for n = 1, 3999 do if from_roman(to_roman(n)) ~= n then ok = false end end
print(ok, to_roman(1994), to_roman(3999), to_roman(444), from_roman('MCMXCIV'), from_roman('MMXXIV'))
