-- utf8.char and utf8.codepoint round-trip over samples of every encoding length; len counts them.
local cps = {} for cp = 0, 0x10FFFF, 4099 do cps[#cps + 1] = cp end
cps[#cps + 1] = 0x10FFFF
local s = utf8.char(table.unpack(cps))
print(#cps, #s, utf8.len(s))
local back = {utf8.codepoint(s, 1, -1)}
local ok = #back == #cps for i = 1, #cps do if back[i] ~= cps[i] then ok = false end end print(ok)
local n = 0 for p, c in utf8.codes(s) do n = n + 1 if c ~= cps[n] then ok = false end end print(ok, n)
local lens = {0, 0, 0, 0} for _, c in utf8.codes(s) do local l = #utf8.char(c) lens[l] = lens[l] + 1 end print(table.concat(lens, ' '))
