-- getmetatable on every type: strings share one metatable; others nil unless set.
print(getmetatable('a') == getmetatable('b'), getmetatable('a').__index == string)
print(getmetatable(1), getmetatable(nil), getmetatable(true), getmetatable(print), getmetatable({}))
local mt = {} local t = setmetatable({}, mt) print(getmetatable(t) == mt)
print(pcall(getmetatable))
print(getmetatable(setmetatable({}, {__metatable = {'fake'}}))[1])
print(getmetatable(coroutine.create(print)))
