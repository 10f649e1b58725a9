-- __pairs customizes pairs (its three results are used); next ignores it.
local t = setmetatable({real = 1}, {__pairs = function(self)
  local keys = {'c', 'a', 'b'}
  local i = 0
  return function() i = i + 1 if keys[i] then return keys[i], i end end, self, nil
end})
local out = {} for k, v in pairs(t) do out[#out + 1] = k .. v end print(table.concat(out, ' '))
print(next(t))
local four = setmetatable({}, {__pairs = function() return next, {x = 1}, nil end})
for k, v in pairs(four) do print(k, v) end
print(pcall(pairs, setmetatable({}, {__pairs = function() error('no pairs') end})))
print(pcall(pairs))
local ok, f, s, c = pcall(pairs, nil) print(ok, type(f), s, c)
local r = {pairs(setmetatable({}, {__pairs = function() return 1, 2, 3, 4 end}))}
print(#r, r[1], r[2], r[3], r[4])
