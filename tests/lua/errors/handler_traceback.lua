-- xpcall with debug.traceback as handler: the first lines (inside the chunk) are comparable.
local function inner() error('traced') end
local function middle() inner() end
local ok, tb = xpcall(middle, debug.traceback)
local lines = {} for l in tb:gmatch('[^\n]+') do lines[#lines + 1] = l end
for i = 1, 4 do print(lines[i]) end
local ok2, tb2 = xpcall(middle, function(m) return debug.traceback(m, 2) end)
print((tb2:match('^[^\n]*\n[^\n]*\n[^\n]*')))
print(debug.traceback('message', 1):match('^message\nstack traceback:\n') ~= nil)
print(type(debug.traceback({})), debug.traceback(true, 1) == true, debug.traceback(nil, 1) == nil)
print((debug.traceback('x\ny', 1):match('^x\ny\nstack traceback:')))
