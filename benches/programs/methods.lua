-- methods through metatables: `obj:method()` resolved through an __index chain (class
-- and base class), plus __index as a function and arithmetic and comparison metamethods.
local Point = {}
Point.__index = Point

function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:len2() return self.x * self.x + self.y * self.y end
function Point:moved(dx, dy) return Point.new(self.x + dx, self.y + dy) end
Point.__add = function(a, b) return Point.new(a.x + b.x, a.y + b.y) end
Point.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Point.__lt = function(a, b) return a:len2() < b:len2() end

local Point3 = setmetatable({}, { __index = Point })
Point3.__index = Point3
function Point3.new(x, y, z)
  local p = Point.new(x, y)
  p.z = z
  return setmetatable(p, Point3)
end
function Point3:len2() return Point.len2(self) + self.z * self.z end

local defaults = setmetatable({}, { __index = function(_, key) return #key end })

local sum = 0
local p = Point.new(0, 0)
local q = Point3.new(1, 2, 3)
for i = 1, 8000 do
  p = p:moved(1, -1)
  sum = sum + p:len2() % 1000 + q:len2()
  if i % 10 == 0 then
    local r = p + Point.new(1, 1)
    if r == Point.new(p.x + 1, p.y + 1) then sum = sum + 1 end
    if p < r then sum = sum + 1 end
    sum = sum + defaults.abc + defaults[tostring(i)]
  end
end
return sum
