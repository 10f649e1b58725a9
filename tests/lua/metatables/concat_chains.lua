-- __concat in long chains mixing strings, numbers and objects; evaluation from the right.
local log = {}
local mt = {__concat = function(a, b)
  local function s(x) return type(x) == 'table' and 'T' or tostring(x) end
  log[#log + 1] = s(a) .. '+' .. s(b)
  return 'r'
end}
local t = setmetatable({}, mt)
local r = 'a' .. 1 .. t .. 'b' .. 2
print(r, table.concat(log, ' '))
log = {}
r = t .. t .. t print(r, table.concat(log, ' '))
log = {}
r = 1 .. 2 .. t print(r, table.concat(log, ' '))
