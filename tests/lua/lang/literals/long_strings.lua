-- Long brackets of every level, a skipped first newline, CR/LF normalization, nesting.
local a = [[
first line
second]]
print(#a, a)
print([==[contains ]] and ]=] inside]==], [[]], #[[

]])
print([=[
]=] == '', [[a\nb]], #[[\0]])
local crlf = load('return [[\r\nx\r\ny\n\rz]]')()
print(#crlf, crlf:byte(1, -1))
local lines = load('return "a\\\r\nb"')()
print(#lines, lines:byte(1, -1))
print([[--[[ not a comment ]] .. 'x')
