-- String methods called with ':' on literals, variables and results, including chained calls.
local s = 'Lua Wasm'
print(s:len(), s:upper():lower(), s:sub(1, 3):rep(2, '-'), s:byte(-1), s:find('W'), s:match('%u%l+$'))
print(('%5.1f|%-4s|%03d'):format(3.14159, 'ab', 7), ('x'):rep(3):upper():len())
print(s:gsub('%u', string.lower), (s:reverse()))
local parts = {} for w in s:gmatch('%a+') do parts[#parts + 1] = w:sub(1, 1) end print(table.concat(parts))
print(pcall(string.upper), ('abc'):upper(nil), #('%d'):format(-0))
