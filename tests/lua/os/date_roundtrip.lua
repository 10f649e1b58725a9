-- os.date('!*t') fields fed back through arithmetic: day counts between dates are exact.
local function days_between(t1, t2) return (t2 - t1) // 86400 end
local d2000 = 946684800
local d2024 = 1704067200
print(days_between(d2000, d2024), (d2024 - d2000) % 86400)
local t = os.date('!*t', d2024 + 86400 * 59) print(t.year, t.month, t.day, t.yday, t.wday)
t = os.date('!*t', d2024 + 86400 * 366) print(t.year, t.month, t.day, t.yday)
local stamps = {} for i = 0, 11 do stamps[#stamps + 1] = os.date('!%b', d2024 + i * 31 * 86400) end print(table.concat(stamps, ' '))
local wd = {} for i = 0, 6 do wd[#wd + 1] = os.date('!%a%u%w', d2024 + i * 86400) end print(table.concat(wd, ' '))
