-- select with every negative index of a vararg list, and '#' with trailing nils.
local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end return t.n .. ':' .. table.concat(t, ',', 1, t.n) end
for i = -4, 5 do print(i, pcall(function() return show(select(i, 'a', nil, 'c', nil)) end)) end
print(select('#', nil, nil, nil), select('#', table.unpack({1, nil, 3}, 1, 3)))
