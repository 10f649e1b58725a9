-- Each loop iteration has its own control variable; while-loop locals are fresh per iteration.
local fs = {}
for i = 1, 3 do fs[#fs + 1] = function() return i end end
for _, v in ipairs({'a', 'b'}) do fs[#fs + 1] = function() return v end end
for k in pairs({z = true}) do fs[#fs + 1] = function() return k end end
local j = 0
while j < 2 do j = j + 1 local c = j * 100 fs[#fs + 1] = function() return c end end
local out = {} for idx, f in ipairs(fs) do out[idx] = tostring(f()) end
print(table.concat(out, ' '))
local shared = {}
local n = 0
for i = 1, 3 do
  shared[i] = function() n = n + i return n end
end
print(shared[1](), shared[2](), shared[3](), n)
for i = 1, 3 do local f = function() i = i * 2 return i end print(f(), i) end
