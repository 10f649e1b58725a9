-- Invalid escape sequences and unfinished strings are syntax errors with exact messages.
local srcs = {
  [[return '\q']], [[return '\x4']], [[return '\xgg']], [[return '\256']], [[return '\u{110000000}']],
  [[return '\u{}']], [[return '\u41']], [[return '\u{41']], [[return 'abc]], "return 'ab\ncd'",
  [[return "abc]], "return [[abc", "return [==[abc]=]", [[return '\9999']], [[return '\u{80000000}']],
}
for _, src in ipairs(srcs) do print(select(2, load(src))) end
