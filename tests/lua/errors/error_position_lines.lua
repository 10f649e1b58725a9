-- Error positions report the line of the failing operation in multi-line statements.
local function e(f) print(select(2, pcall(f))) end
e(function()
  local t = {}
  return t.a
    .b
end)
e(function()
  return 1 +
    nil
end)
e(function()
  local s = 'x'
  return s
    ..
    {}
end)
e(function() error('on this line') end)
e(function()
  error(
    'message on a later line'
  )
end)
