-- string.format with many arguments, reused formats and long results.
local args = {} for i = 1, 50 do args[i] = i end
local fmt = string.rep('%d,', 50)
print(string.format(fmt, table.unpack(args)))
print(#string.format('%099d', 7), string.format('%099d', 7):sub(-5))
print(#string.format('%-99s|', 'x'), #string.format('%.99f', 1))
print(string.format('%5.2f%%', 99.555), string.format('%3d%%|%-3d%%', 5, 7))
local big = string.format('%s', string.rep('ab', 5000)) print(#big)
print(string.format('%.14g', 2^53), string.format('%.99g', 0.1):sub(1, 30))
