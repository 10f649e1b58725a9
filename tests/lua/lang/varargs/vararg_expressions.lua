-- '...' in table constructors, calls, assignments, and truncated by parentheses.
local function f(...)
  local a, b = ...
  local t = {...}
  local u = {..., 'end'}
  local n = select('#', ...)
  return a, b, #t, #u, n, (...)
end
print(f(1, 2, 3))
print(f())
print(f(nil, nil))
local function g(...) return ..., 'last' end
print(g(1, 2))
local function h(a, ...) local arg = {...} return a, #arg, arg[1] end
print(h(), h(1), h(1, 2, 3))
print(load('return ...')(7, 8, 9))
print(load('local a, b = ... return b, a')(1, 2))
local function many(...) return select('#', ...) end
local big = {} for i = 1, 250 do big[i] = i end
print(many(table.unpack(big)), many(table.unpack(big, 1, 200)))
