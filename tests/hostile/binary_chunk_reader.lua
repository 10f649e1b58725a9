-- A binary chunk smuggled through load's reader function, one byte at a time, and one
-- forced through mode 'b': both refused before any byte reaches the VM.
local dumped = string.dump(function() return 'executed' end)
local i = 0
local f1, e1 = load(function() i = i + 1 return dumped:sub(i, i) end)
local f2, e2 = load(dumped, 'x', 'b')
local f3, e3 = load(dumped, 'x', 't')
return f1, e1, f2, e2, f3, e3
