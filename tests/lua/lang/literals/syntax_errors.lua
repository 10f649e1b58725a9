-- Syntax error messages from load name the token and line.
local srcs = {
  'x = = 1', 'local function() end', 'if x then', 'for i = 1 do end', 'return return', 'x = (1',
  'f(', 'local t = {1, 2', 'a.b:c = 1', 'x = 1 2', '::a:: ::a::', 'break', 'goto x',
  'local x <const> = 1; x = 2', 'return ...', 'function f() return ... end', 'x = }', 'local 1 = 2',
  'x = "a" .. ', 'while true do', 'repeat x = 1', 'return 1,', 'x.y.z', 'a, b', '(a) = 1', 'a() = 1',
  'local a <close> <const> = 1', 'for a.b = 1, 2 do end', 'x = function(a, ...) end', 'x = function(..., a) end',
  'elseif', '\n\n\nx = ', 'x = 1 +\n\n 2 +', 'x = @', 'x = ~= 1', 'local t = {[1] 2}',
}
for _, src in ipairs(srcs) do
  local f, err = load(src)
  print(string.format('%-36s', string.format('%q', src)), f and 'ok' or err)
end
