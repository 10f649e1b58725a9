-- Functions with many upvalues, locals and parameters; going past the limits raises compile errors.
local src = {} for i = 1, 150 do src[#src + 1] = 'local u' .. i .. ' = ' .. i end
local body = {} for i = 1, 150 do body[#body + 1] = 'u' .. i end
local f = load(table.concat(src, ' ') .. ' return function() return ' .. table.concat(body, ' + ') .. ' end')
print(f()(), debug.getupvalue(f(), 150))
local params = {} for i = 1, 180 do params[i] = 'p' .. i end
local g = load('return function(' .. table.concat(params, ', ') .. ') return p1, p180 end')
print(g()(1, 2, 3))
local too_many = {} for i = 1, 300 do too_many[i] = 'p' .. i end
print(select(2, load('return function(' .. table.concat(too_many, ', ') .. ') end')))
local locals = {} for i = 1, 201 do locals[i] = 'local l' .. i .. ' = 1' end
print(select(2, load(table.concat(locals, ' '))))
local decl1, decl2, use = {}, {}, {}
for i = 1, 130 do decl1[i] = 'local a' .. i .. ' = 1' decl2[i] = 'local b' .. i .. ' = 1' use[#use + 1] = 'a' .. i use[#use + 1] = 'b' .. i end
local src2 = table.concat(decl1, ' ') .. ' return function() ' .. table.concat(decl2, ' ') .. ' return function() return ' .. table.concat(use, ' + ') .. ' end end'
print(select(2, load(src2)))
