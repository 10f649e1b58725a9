-- utf8.codes iteration, errors on invalid sequences, lax mode; utf8.charpattern matches sequences.
local out = {}
for p, c in utf8.codes('aé✓😀') do out[#out + 1] = p .. ':' .. c end print(table.concat(out, ' '))
out = {} for p, c in utf8.codes('') do out[#out + 1] = p end print(#out)
print(pcall(function() for p, c in utf8.codes('ab\xffcd') do out[#out + 1] = c end end))
print(pcall(function() for p, c in utf8.codes('a\xed\xa0\x80') do end end))
out = {} for p, c in utf8.codes('a\xed\xa0\x80b', true) do out[#out + 1] = c end print(table.concat(out, ' '))
print(pcall(function() for p, c in utf8.codes('\xc3') do end end))
print(pcall(function() for p, c in utf8.codes('a\x80') do end end))
print(utf8.charpattern, #utf8.charpattern)
out = {} for ch in ('aé✓😀'):gmatch(utf8.charpattern) do out[#out + 1] = #ch end print(table.concat(out, ' '))
local f, s, i = utf8.codes('xy') print(type(f), s, i, f(s, i))
print(pcall(utf8.codes, {}))
