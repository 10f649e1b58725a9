-- Tables holding functions that refer to the table through self and through upvalues.
local obj
obj = {
  count = 0,
  inc = function(self, n) self.count = self.count + (n or 1) return self end,
  get = function() return obj.count end,
  children = {{name = 'a'}, {name = 'b'}},
}
obj:inc():inc(5):inc()
print(obj.count, obj.get(), #obj.children, obj.children[2].name)
local registry = {}
for i = 1, 3 do registry[#registry + 1] = {id = i, show = function(self) return 'item' .. self.id end} end
local shown = {} for _, r in ipairs(registry) do shown[#shown + 1] = r:show() end print(table.concat(shown, ' '))
