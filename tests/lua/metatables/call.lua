-- __call: callable tables receive themselves first; nested __call; errors for non-callables.
local callable = setmetatable({name = 'c'}, {__call = function(self, a, b) return self.name, a, b end})
print(callable(1, 2))
print(pcall(callable, 'p'))
local t = {callable}
print(t[1]('x'))
local double = setmetatable({}, {__call = callable})
print(select('#', double('y')), type(select(2, double('y'))), select(3, double('y')))
print(pcall(function() local x = setmetatable({}, {}) return x() end))
print(pcall(function() local x = {} return x.y() end))
print(pcall(function() return ('str')() end))
print(pcall(function() local n = 5 n() end))
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1 return self.n end})
counter() counter() print(counter())
print(select('#', callable()), table.concat({xpcall(callable, print, 'q')}, ' ', 2))
local s = {} for i, v in ipairs({3, 1, 2}) do s[i] = v end
print(pcall(table.sort, s, setmetatable({}, {__call = function(_, a, b) return a > b end})))
table.sort(s, function(a, b) return a > b end) print(table.concat(s, ' '))
