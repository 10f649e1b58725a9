-- Building strings: concat in loops, table.concat, string.rep, gsub-based templating.
local parts = {} for i = 1, 200 do parts[#parts + 1] = string.format('%03d', i) end
local s = table.concat(parts, ',') print(#s, s:sub(1, 23), s:sub(-11))
local acc = '' for i = 1, 100 do acc = acc .. (i % 10) end print(#acc, acc:sub(1, 20))
local template = 'Hello ${name}, you are ${age} years old. ${missing}'
print((template:gsub('%${(%w+)}', {name = 'Ana', age = 30})))
local lines = {} for line in ('one\ntwo\n\nfour'):gmatch('([^\n]*)\n?') do lines[#lines + 1] = '[' .. line .. ']' end
print(table.concat(lines))
local words = {} for w in ('  split   these words  '):gmatch('%S+') do words[#words + 1] = w end print(#words, table.concat(words, '|'))
print(('%s=%d'):rep(3, '&'):format('a', 1, 'b', 2, 'c', 3))
