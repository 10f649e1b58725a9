-- A hand-written quicksort and binary search over pseudo-random data from a fixed LCG.
local seed = 12345
local function lcg() seed = (seed * 1103515245 + 12345) % 2147483648 return seed end
local data = {} for i = 1, 500 do data[i] = lcg() % 1000 end
local function qsort(t, lo, hi)
  if lo >= hi then return end
  local p, i = t[(lo + hi) // 2], lo
  local j = hi
  while i <= j do
    while t[i] < p do i = i + 1 end
    while t[j] > p do j = j - 1 end
    if i <= j then t[i], t[j] = t[j], t[i] i = i + 1 j = j - 1 end
  end
  qsort(t, lo, j) qsort(t, i, hi)
end
qsort(data, 1, #data)
local sorted = true for i = 2, #data do if data[i - 1] > data[i] then sorted = false end end
local function bsearch(t, v) local lo, hi = 1, #t while lo <= hi do local mid = (lo + hi) // 2 if t[mid] < v then lo = mid + 1 elseif t[mid] > v then hi = mid - 1 else return mid end end end
print(sorted, data[1], data[250], data[500], bsearch(data, data[123]) ~= nil, bsearch(data, 1001))
