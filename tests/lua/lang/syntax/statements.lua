-- Statement forms: semicolons, empty statements, function call statements, nested functions.
;;; local a = 1; ; local b = 2;
print(a + b);
local function outer()
  local function inner() return 'inner' end
  return inner()
end
print(outer())
local t = {f = {}}
function t.f.g() return 'dotted' end
function t.f:h() return self == t.f end
print(t.f.g(), t.f:h())
local s = 'x'
print(#s, (function(...) return select('#', ...) end)(1, nil, nil))
print(type(print), (type(print)), (('x'):rep(2)))
if false then elseif nil then else print('else branch') end
while false do end repeat until true
