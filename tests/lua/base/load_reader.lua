-- load with a reader function: pieces, empty strings and nil end it, errors and bad returns.
local parts = {'return ', '1 ', '+ ', '41'}
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
local n = 0
print(load(function() n = n + 1 if n == 1 then return 'return "a"' end return '' end)())
print(type(load(function() return nil end)))
print(pcall(load, function() return true end))
-- Errors in the reader pass through the running message handler: keep the first line only.
local function first_line(f, m) return f, (m:match('^[^\n]*')) end
print(first_line(load(function() return {} end)))
print(first_line(load(function() error('reader failed') end)))
local chars = {} for c in ('return "char by char"'):gmatch('.') do chars[#chars + 1] = c end
local j = 0 print(load(function() j = j + 1 return chars[j] end)())
local big = 'return ' .. string.rep('1 + ', 1000) .. '1'
local pos = 0 print(load(function() pos = pos + 1 return big:sub((pos - 1) * 7 + 1, pos * 7) end)())
local once = false
print(pcall(load(function() if once then return nil end once = true return 'error("from reader chunk")' end, '=reader')))
