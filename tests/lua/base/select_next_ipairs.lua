-- next on arrays and empty tables, ipairs results, select with large counts.
print(next({}), next({'a'}), next({'a'}, 1), next({nil, 'b'}))
local t = {1, 2, 3}
local k, v = next(t) local collected = {} while k do collected[#collected + 1] = k .. '=' .. v k, v = next(t, k) end
print(table.concat(collected, ' '))
local f, s, c = ipairs(t) print(f(s, c), f(s, 1), f(s, 3), type(f))
print(select('#', next({})), pcall(next), pcall(next, {}, {}))
