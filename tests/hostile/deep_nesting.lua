-- Deeply nested syntax: the parser recurses for each level and stops at Lua's C-stack
-- limit with a syntax error, never a crash. Chains that the parser handles in a loop
-- compile.
local results = {}
local function try(name, source)
  local f, e = load(source)
  results[#results + 1] = name .. ': ' .. (f and 'compiled' or e:match('^[^\n]*'))
end
local n = 100000
try('parentheses', string.rep('(', n) .. '1' .. string.rep(')', n))
try('tables', 'return ' .. string.rep('{', n) .. string.rep('}', n))
try('unary minus', 'return ' .. string.rep('- ', n) .. '1')
try('not', 'return ' .. string.rep('not ', n) .. '1')
try('functions', 'return ' .. string.rep('function() return ', 1000) .. '1' .. string.rep(' end', 1000))
try('blocks', string.rep('do ', 1000) .. string.rep('end ', 1000))
try('ifs', string.rep('if x then ', 1000) .. string.rep('end ', 1000))
try('fields', 'return x' .. string.rep('.y', n))
try('calls', 'return f' .. string.rep('()', n))
try('sums', 'return ' .. string.rep('1 + ', n) .. '1')
try('concatenations', 'return ' .. string.rep('"a" .. ', 1000) .. '"a"')
try('powers', 'return ' .. string.rep('2 ^ ', 1000) .. '1')
return table.concat(results, '\n')
