-- To-be-closed: closing on error gets the error object; errors in __close replace it.
local log = {}
local function closer(name, fail)
  return setmetatable({}, {__close = function(_, err)
    log[#log + 1] = name .. ':' .. tostring(err)
    if fail then error(name .. ' failed', 0) end
  end})
end
print(pcall(function() local a <close> = closer('a') error('boom', 0) end))
print(table.concat(log, ' ')) log = {}
print(pcall(function() local a <close> = closer('a', true) local b <close> = closer('b') error('orig', 0) end))
print(table.concat(log, ' ')) log = {}
print(pcall(function() local a <close> = closer('a', true) local b <close> = closer('b', true) return 'ok' end))
print(table.concat(log, ' ')) log = {}
print(pcall(function() local x <close> = 42 end))
print(pcall(function() local x <close> = {} end))
print(pcall(function() local x <close> = setmetatable({}, {__close = 1}) end))
print(pcall(function() local t <close> = closer('t') local u <close> = 'str' end))
print(table.concat(log, ' '))
