-- %c with every byte class, widths; %c of 0 produces a NUL byte.
local s = string.format('%c%c%c%c', 0, 65, 255, 10)
print(#s, s:byte(1, -1))
print(string.format('[%5c] [%-5c]', 66, 67))
print(pcall(string.format, '%c', 'x'))
print(pcall(string.format, '%c', 1.5))
local all = {} for i = 0, 255 do all[#all + 1] = string.format('%c', i) end
local joined = table.concat(all) print(#joined, joined:byte(1), joined:byte(256), joined == string.char(table.unpack({0, 1, 2})) or #joined)
print(string.format('%c', 256 + 65):byte(), string.format('%c', -191):byte())
