-- Float keys with integer values are normalized to integers; nil/NaN keys are errors.
local t = {}
t[1.0] = 'a' t[2] = 'b' t[3.5] = 'c' t[-0.0] = 'zero' t[2^53] = 'big'
print(t[1], t[2.0], t[3.5], t[0], t[-0.0], t[0.0], t[9007199254740992])
local keys = {} for k in pairs(t) do keys[#keys + 1] = math.type(k) .. ' ' .. tostring(k) end
table.sort(keys) print(table.concat(keys, ', '))
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(t[nil], t[0/0], rawget(t, 0/0))
print(pcall(rawset, t, nil, 1))
local u = {[1] = 'x', [1.0] = 'y'} print(u[1], #u)
t[2^63] = 'huge' print(t[2^63], t[math.mininteger], math.type(next({[2^63] = 1})))
