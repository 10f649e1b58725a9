-- binary-trees (after the Benchmarks Game): allocating and collecting many small tables,
-- with one long-lived tree kept alive throughout.
local function bottom_up(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottom_up(depth), bottom_up(depth) }
end

local function check(tree)
  if tree[1] then return 1 + check(tree[1]) + check(tree[2]) end
  return 1
end

local min_depth, max_depth = 4, 9
local sum = check(bottom_up(max_depth + 1)) -- the stretch tree
local long_lived = bottom_up(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = 1 << (max_depth - depth + min_depth)
  local nodes = 0
  for _ = 1, iterations do nodes = nodes + check(bottom_up(depth)) end
  sum = sum + nodes
end
return sum + check(long_lived)
