-- upper, lower, reverse and len over ASCII, bytes above 127 and embedded zeros.
local all = {} for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
local up, low = all:upper(), all:lower()
local changed_up, changed_low = {}, {}
for i = 1, 256 do
  if up:byte(i) ~= i - 1 then changed_up[#changed_up + 1] = i - 1 end
  if low:byte(i) ~= i - 1 then changed_low[#changed_low + 1] = i - 1 end
end
print(#changed_up, changed_up[1], changed_up[#changed_up], #changed_low, changed_low[1], changed_low[#changed_low])
print(('Hello World 123'):upper(), ('Hello World 123'):lower(), ('ÀÉ'):lower() == 'ÀÉ')
print(('abc'):reverse(), (''):reverse(), ('a\0b'):reverse():byte(1, -1))
print(#all:reverse(), all:reverse():byte(1), ('héllo'):reverse():len())
print(string.len(''), string.len('\0\0\0'), ('abc'):len(), string.len(12345), string.len(1.5))
print(pcall(string.len), pcall(string.upper, nil), pcall(string.reverse, {}))
print(string.upper(12), string.lower(1e100), string.reverse(123))
