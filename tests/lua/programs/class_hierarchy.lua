-- A class system with inheritance, super calls, __tostring, __eq and __lt through metatables.
local function class(parent)
  local c = {} c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.new = function(...) local o = setmetatable({}, c) if o.init then o:init(...) end return o end
  return c
end
local Shape = class()
function Shape:init(name) self.name = name end
function Shape:area() return 0 end
function Shape:describe() return string.format('%s with area %.2f', self.name, self:area()) end
Shape.__tostring = function(s) return 'Shape(' .. s.name .. ')' end
local Circle = class(Shape)
function Circle:init(r) Shape.init(self, 'circle') self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end
Circle.__tostring = Shape.__tostring
Circle.__lt = function(a, b) return a:area() < b:area() end
Circle.__eq = function(a, b) return a.r == b.r end
local Square = class(Shape)
Square.__tostring = function(s) return 'Square(' .. s.s .. ')' end
function Square:init(s) Shape.init(self, 'square') self.s = s end
function Square:area() return self.s * self.s end
local shapes = {Circle.new(1), Square.new(3), Circle.new(2), Square.new(1.5)}
for _, s in ipairs(shapes) do print(s:describe(), tostring(s)) end
print(Circle.new(1) < Circle.new(2), Circle.new(2) == Circle.new(2), Circle.new(1) == Square.new(1))
table.sort(shapes, function(a, b) return a:area() < b:area() end)
local names = {} for i, s in ipairs(shapes) do names[i] = s.name end print(table.concat(names, ' '))
print(getmetatable(Circle.new(1)) == Circle, rawget(Circle, 'describe'), Circle.describe == Shape.describe)
