-- os.setlocale queries and the "C" locale (the part that behaves the same everywhere).
print(os.setlocale(), os.setlocale('C'), os.setlocale(nil, 'numeric'), os.setlocale('C', 'all'))
for _, cat in ipairs({'all', 'collate', 'ctype', 'monetary', 'numeric', 'time'}) do io_c = (io_c or '') .. tostring(os.setlocale(nil, cat)) .. ' ' end
print(io_c)
print(pcall(os.setlocale, 'C', 'bogus'))
print(os.setlocale('POSIX'), os.setlocale('C'))
print(string.format('%.2f', 1.5), tostring(1.5), tonumber('1.5'))
