-- Float for loops: float control variable when any of init/step is float; accumulating steps.
local function run(a, b, c)
  local out = {}
  for i = a, b, c do out[#out + 1] = tostring(i) if #out > 12 then break end end
  return table.concat(out, ' ')
end
print(run(1, 2, 0.25))
print(run(0, 1, 0.1))
print(run(1.0, 3, 1))
print(run(1, 3.0, 1))
print(run(3, 1, -0.5))
print(run(0.1, 0.35, 0.05))
print(run(1e15, 1e15 + 4, 1.5))
for i = 1, 2 do print(math.type(i)) end
for i = 1.0, 2 do print(math.type(i)) end
for i = 1, 2, 1.0 do print(math.type(i)) end
