-- Assigning to the loop variable does not change the iteration; the count is fixed at start.
local out = {}
for i = 1, 5 do out[#out + 1] = i i = i * 10 out[#out + 1] = i end
print(table.concat(out, ' '))
local limit = 3
local n = 0
for i = 1, limit do limit = 10 n = n + 1 end
print(n)
local t = {1, 2, 3}
local seen = {}
for i, v in ipairs(t) do seen[#seen + 1] = v if i == 1 then t[4] = 4 end end
print(table.concat(seen, ' '))
local c = 0 for _ in pairs({}) do c = c + 1 end print(c)
for i = 10, 1 do print('never') end
print(select('#', (function() for i = 1, 3 do if i == 2 then return i, 'early' end end end)()))
