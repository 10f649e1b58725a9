-- tostring of every deterministic value; types of non-printable values via type().
print(tostring(nil), tostring(true), tostring(false), tostring(0), tostring(-0.0), tostring(''), tostring('s'))
print(type(tostring({})), tostring({}):match('^table: ') ~= nil, tostring(print):match('^builtin: ') ~= nil or tostring(print):match('^function: ') ~= nil)
print(tostring(coroutine.create(print)):match('^thread: ') ~= nil, tostring(setmetatable({}, {__name = 'N'})):match('^N: ') ~= nil)
print(pcall(tostring))
print(tostring(1, 2), select('#', tostring(nil)))
print(tostring(setmetatable({}, {__tostring = function(t) return 'T' end})))
