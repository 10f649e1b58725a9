-- os.date E and O modifiers, literal text, long formats, and invalid conversions.
local t = 1234567890
for _, f in ipairs({'%Ec', '%EC', '%Ex', '%EX', '%Ey', '%EY', '%Od', '%Oe', '%OH', '%OI', '%Om', '%OM', '%OS', '%Ou', '%OU', '%OV', '%Ow', '%OW', '%Oy'}) do
  io_r = (io_r or '') .. f .. '=' .. os.date('!' .. f, t) .. ' '
end
print(io_r)
print(os.date('!plain text', t), os.date('!', t) == '', os.date('!%Y-%m-%dT%H:%M:%SZ', t))
print(#os.date('!' .. string.rep('%Y', 200), t))
print(pcall(os.date, '!%Q', t))
print(pcall(os.date, '!%E', t))
print(pcall(os.date, '!%Ez', t))
print(pcall(os.date, '!%', t))
print(pcall(os.date, '!%5d', t))
print(pcall(os.date, '!%Y', 'x'))
print(pcall(os.date, '!%Y', 1.5))
print(os.date('!%Y', 2^31), os.date('!%Y', -2^31), os.date('!%Y', 2.0))
