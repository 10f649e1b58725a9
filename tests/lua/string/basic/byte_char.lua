-- string.byte and string.char with negative indices, out of range positions and value errors.
local s = 'ABCDE'
print(s:byte(), s:byte(2), s:byte(-1), s:byte(2, 4), s:byte(-3, -2), s:byte(0), s:byte(10), s:byte(4, 2))
print(select('#', s:byte(1, -1)), select('#', s:byte(-100, 100)), select('#', (''):byte()), s:byte(3, math.maxinteger))
print(s:byte(math.mininteger, 2), s:byte(1, math.mininteger))
print(string.char(), string.char(65, 66, 67), #string.char(0, 0), string.char(255):byte())
print(pcall(string.char, 256), pcall(string.char, -1), pcall(string.char, 'x'), pcall(string.char, 65.5))
print(string.char('65', 66.0), pcall(string.byte, s, 1.5))
local all = {} for i = 0, 255 do all[#all + 1] = i end
local bytes = string.char(table.unpack(all)) print(#bytes, bytes:byte(1), bytes:byte(-1), bytes:byte(128))
