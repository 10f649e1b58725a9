-- A little binary message format with string.pack: headers, length-prefixed bodies, checksums.
local function checksum(s) local c = 0 for i = 1, #s do c = (c * 31 + s:byte(i)) & 0xFFFFFFFF end return c end
local function encode(msgs)
  local parts = {string.pack('>c4 I2', 'LWAS', #msgs)}
  for _, m in ipairs(msgs) do parts[#parts + 1] = string.pack('>B s2 I4 d', m.kind, m.body, checksum(m.body), m.value) end
  return table.concat(parts)
end
local function decode(data)
  local magic, n, pos = string.unpack('>c4 I2', data)
  local out = {}
  for i = 1, n do
    local kind, body, sum, value
    kind, body, sum, value, pos = string.unpack('>B s2 I4 d', data, pos)
    out[i] = string.format('%d:%s:%s:%g', kind, body, tostring(sum == checksum(body)), value)
  end
  return magic, out, pos
end
local data = encode({{kind = 1, body = 'hello', value = 1.5}, {kind = 255, body = '', value = -0.0}, {kind = 7, body = ('x'):rep(300), value = 1e300}})
local magic, msgs, pos = decode(data)
print(#data, magic, pos, table.concat(msgs, ' '):sub(1, 60))
print(string.format('%08x', checksum(data)))
