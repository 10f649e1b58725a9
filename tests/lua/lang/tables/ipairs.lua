-- ipairs stops at the first nil, respects __index, and works on strings' metatables not at all.
local out = {}
for i, v in ipairs({1, 2, nil, 4}) do out[#out + 1] = i .. '=' .. v end print(table.concat(out, ' '))
out = {}
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do out[#out + 1] = v end print(table.concat(out, ' '))
print(pcall(ipairs))
print(pcall(function() for _ in ipairs(nil) do end end))
local f, s, c = ipairs({}) print(type(f), c, f({'a'}, 0))
out = {} for i, v in ipairs({n = 2, [0] = 'zero', 'one'}) do out[#out + 1] = v end print(table.concat(out, ' '))
print(pcall(function() local n = 0 for _, c in ipairs('abc') do n = n + 1 end return n end))
