-- os.date('!*t') fields at fixed times, including leap days, year boundaries and weekdays.
local function fields(t)
  local d = os.date('!*t', t)
  return string.format('%d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d isdst=%s', d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, tostring(d.isdst))
end
for _, t in ipairs({0, -1, 951782400, 951868800, 1709164800, 4107542400, -2208988800, 1e10, 253402300799}) do print(t, fields(t)) end
local keys = {} for k in pairs(os.date('!*t', 0)) do keys[#keys + 1] = k end table.sort(keys) print(table.concat(keys, ' '))
print(os.date('!*t', 0).year == os.date('!%Y', 0) + 0, math.type(os.date('!*t', 0).year))
