-- pcall without errors: the cost of a protected call that returns normally.
local function work(a, b) return a + b, a * b end

local sum = 0
for i = 1, 50000 do
  local ok, s, p = pcall(work, i, 3)
  if ok then sum = sum + s + p end
end
return sum
