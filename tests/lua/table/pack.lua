-- table.pack sets n and keeps trailing nils; works with no arguments and many arguments.
local t = table.pack() print(t.n, #t)
t = table.pack(nil) print(t.n, t[1])
t = table.pack(1, nil, nil) print(t.n, t[1], t[2], t[3])
t = table.pack('a', 'b') print(t.n, t[1], t[2])
local many = {} for i = 1, 200 do many[i] = i end
t = table.pack(table.unpack(many)) print(t.n, t[200])
local keys = {} for k in pairs(table.pack(1, 2)) do keys[#keys + 1] = tostring(k) end table.sort(keys) print(table.concat(keys, ' '))
