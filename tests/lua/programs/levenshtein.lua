-- Edit distances with dynamic programming over pairs of words.
local function lev(a, b)
  local prev = {} for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = {[0] = i}
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end
for _, p in ipairs({{'kitten', 'sitting'}, {'flaw', 'lawn'}, {'', 'abc'}, {'same', 'same'}, {'lua', 'wasm'}, {'intention', 'execution'}}) do
  print(p[1], p[2], lev(p[1], p[2]))
end
