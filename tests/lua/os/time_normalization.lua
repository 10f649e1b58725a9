-- os.time{...} normalizes out-of-range fields; differences between times do not depend on the time zone.
local base = os.time{year = 2024, month = 1, day = 10, hour = 12}
local function delta(t) return os.time(t) - base end
print(delta{year = 2024, month = 1, day = 11, hour = 12}, delta{year = 2024, month = 1, day = 10, hour = 13})
print(delta{year = 2024, month = 1, day = 10, hour = 12, min = 90}, delta{year = 2024, month = 1, day = 10, hour = 12, sec = -30})
print(delta{year = 2024, month = 1, day = 10}, delta{year = 2024, month = 1, day = 10, hour = 0}, delta{year = 2024, month = 1, day = 9, hour = 36})
local t = {year = 2023, month = 14, day = 35, hour = 25, min = 61, sec = 61}
os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday)
local u = {year = 2024, month = 3, day = 0, hour = 12} os.time(u) print(u.year, u.month, u.day, u.yday, u.wday)
local v = {year = 2024, month = 0, day = 1, hour = 12} os.time(v) print(v.year, v.month, v.day)
local w = {year = 2024, month = 1, day = -400, hour = 12} os.time(w) print(w.year, w.month, w.day)
print(math.type(base), os.time{year = 2024, month = 1, day = 10, hour = 12, min = 0, sec = 0} == base)
