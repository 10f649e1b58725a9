-- Catastrophic backtracking: five lazy wildcards over 100,000 characters and no match,
-- about 10^20 steps inside one C function (str_find_aux), where no Lua hook runs.
return string.find(string.rep('a', 100000), '.-.-.-.-.-b')
