-- Producer/consumer with resume passing values both ways, and a consumer that stops early.
local producer = coroutine.create(function()
  for _, item in ipairs({'alpha', 'beta', 'gamma', 'delta'}) do
    local reply = coroutine.yield(item)
    if reply == 'stop' then return 'stopped at ' .. item end
  end
  return 'exhausted'
end)
local log = {}
local ok, item = coroutine.resume(producer)
while coroutine.status(producer) == 'suspended' do
  log[#log + 1] = item
  ok, item = coroutine.resume(producer, item == 'gamma' and 'stop' or 'more')
end
print(table.concat(log, ' '), ok, item, coroutine.status(producer))
