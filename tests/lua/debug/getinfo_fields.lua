-- debug.getinfo fields for Lua functions, C functions, and stack levels (no addresses, no sources beyond short_src).
local function sample(a, b, ...) local x = 1 return debug.getinfo(1, 'nSltufrL') end
local info = sample()
print(info.what, info.short_src, info.linedefined, info.lastlinedefined, info.currentline, info.nups, info.nparams, info.isvararg, info.istailcall)
print(info.name, info.namewhat, type(info.func), type(info.activelines), info.ftransfer, info.ntransfer)
local lines = {} for l in pairs(info.activelines) do lines[#lines + 1] = l end table.sort(lines) print(table.concat(lines, ' '))
local c = debug.getinfo(select)
print(c.what, c.short_src, c.source, c.linedefined, c.lastlinedefined, c.currentline, c.nups, c.nparams, c.isvararg)
local main = debug.getinfo(1, 'S') print(main.what, main.linedefined, main.short_src)
local function tail() return debug.getinfo(1, 't').istailcall end
local function caller() return tail() end
print(caller(), (function() local r = tail() return r end)())
print(debug.getinfo(100), pcall(debug.getinfo, 1, '>'), pcall(debug.getinfo, 'x'))
print(pcall(debug.getinfo, 1, 'q'))
local f = function() end
local fi = debug.getinfo(f, 'S') print(fi.what, fi.linedefined, fi.lastlinedefined)
print(debug.getinfo(1, 'l').currentline, debug.getinfo(1, '').currentline)
