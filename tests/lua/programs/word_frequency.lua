-- Word frequencies of a text, reported in a deterministic order (count, then word).
local text = [[
The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
A fox, a dog, and THE end. Quick quick QUICK.
]]
local freq = {}
for w in text:lower():gmatch('%a+') do freq[w] = (freq[w] or 0) + 1 end
local list = {} for w, n in pairs(freq) do list[#list + 1] = {w = w, n = n} end
table.sort(list, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.w < b.w end)
for i = 1, #list do io_w = (io_w or '') .. list[i].w .. '=' .. list[i].n .. ' ' end
print(io_w)
print(#list, freq.the, freq.quick, freq.missing)
