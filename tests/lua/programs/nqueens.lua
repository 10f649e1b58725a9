-- N-queens solution counts for N = 1..8 with backtracking and bit masks.
local function solve(n)
  local count = 0
  local full = (1 << n) - 1
  local function place(cols, d1, d2)
    if cols == full then count = count + 1 return end
    local avail = full & ~(cols | d1 | d2)
    while avail ~= 0 do
      local bit = avail & -avail
      avail = avail ~ bit
      place(cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1)
    end
  end
  place(0, 0, 0)
  return count
end
local out = {} for n = 1, 8 do out[n] = solve(n) end print(table.concat(out, ' '))
