-- Errors inside error handlers: a message handler that fails (Lua calls it again on its
-- own error until it gives up), a handler that recurses without end, an error object
-- whose __tostring fails, and a __close that fails while an error unwinds.
local _, failing = xpcall(error, function() error('again') end)
local function h(m) return h(m) .. '' end
local _, recursing = xpcall(error, h)
local object = setmetatable({}, {__tostring = function() error('no text') end})
local _, caught = pcall(error, object)
local _, closing = pcall(function()
  local x <close> = setmetatable({}, {__close = function() error('close failed', 0) end})
  error('first')
end)
return failing, recursing, caught == object, closing
