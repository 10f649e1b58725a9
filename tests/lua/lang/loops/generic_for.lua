-- Generic for with custom iterators, stateless iterators, closing value (4th value).
local function range(n)
  return function(s, c) if c < n then return c + 1 end end, nil, 0
end
local out = {} for i in range(5) do out[#out + 1] = i end print(table.concat(out, ','))
local function chars(s)
  local i = 0
  return function() i = i + 1 if i <= #s then return i, s:sub(i, i) end end
end
for i, c in chars('abc') do io_x = (io_x or '') .. i .. c end print(io_x)
local log = {}
do
  local closer = setmetatable({}, {__close = function() log[#log + 1] = 'closed' end})
  for i in function(_, c) c = (c or 0) + 1 if c <= 2 then return c end end, nil, nil, closer do
    log[#log + 1] = 'it' .. i
  end
end
print(table.concat(log, ' '))
local log2 = {}
local function iter_with_close()
  local closer = setmetatable({}, {__close = function() log2[#log2 + 1] = 'closed on break' end})
  return function(_, c) return (c or 0) + 1 end, nil, nil, closer
end
for i in iter_with_close() do if i == 3 then break end log2[#log2 + 1] = i end
print(table.concat(log2, ' '))
print(pcall(function() for x in 5 do end end))
print(pcall(function() for x in nil do end end))
