-- Numeric for errors: zero step, non-numeric init/limit/step (strings are not converted).
local function e(f) print(pcall(f)) end
e(function() for i = 1, 10, 0 do end end)
e(function() for i = 1.0, 10, 0.0 do end end)
e(function() for i = 'a', 10 do end end)
e(function() for i = 1, 'x' do end end)
e(function() for i = 1, 2, {} do end end)
e(function() for i = '1', 2 do end end)
e(function() for i = 1, nil do end end)
e(function() local s = 1 for i = s, 2, 0 do end end)
print(pcall(function() for i = 1, 0/0 do print('never') end return 'nan limit' end))
