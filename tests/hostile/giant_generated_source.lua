-- A source of several megabytes built inside Lua and compiled there.
local parts = {}
for i = 1, 200000 do parts[i] = 'local_' .. i .. ' = ' .. i .. '\n' end
return load(table.concat(parts))
