-- Arbitrary-precision addition and multiplication on digit strings: factorials and powers of two.
local function add(a, b)
  local r, carry = {}, 0
  for i = 0, math.max(#a, #b) - 1 do
    local s = (tonumber(a:sub(-i - 1, -i - 1)) or 0) + (tonumber(b:sub(-i - 1, -i - 1)) or 0) + carry
    r[#r + 1] = s % 10 carry = s // 10
  end
  if carry > 0 then r[#r + 1] = carry end
  return string.reverse(table.concat(r))
end
local function mul_small(a, m)
  local r, carry = {}, 0
  for i = #a, 1, -1 do local p = (a:byte(i) - 48) * m + carry r[#r + 1] = p % 10 carry = p // 10 end
  while carry > 0 do r[#r + 1] = carry % 10 carry = carry // 10 end
  return (string.reverse(table.concat(r)):gsub('^0+(%d)', '%1'))
end
local f = '1' for i = 2, 30 do f = mul_small(f, i) end print(f, #f)
local p = '1' for i = 1, 100 do p = add(p, p) end print(p)
print(add('999999999999999999', '1'), mul_small('123456789', 987654321))
