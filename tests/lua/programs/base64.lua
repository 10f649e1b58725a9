-- Base64 encoding and decoding with bit operations, round-tripping all byte values.
local alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
local function encode(s)
  return (s:gsub('..?.?', function(chunk)
    local a, b, c = chunk:byte(1, 3)
    local n = (a << 16) | ((b or 0) << 8) | (c or 0)
    local out = {}
    for i = 1, 4 do local idx = (n >> (6 * (4 - i))) & 63 out[i] = alphabet:sub(idx + 1, idx + 1) end
    if not b then out[3], out[4] = '=', '=' elseif not c then out[4] = '=' end
    return table.concat(out)
  end))
end
local index = {} for i = 1, #alphabet do index[alphabet:sub(i, i)] = i - 1 end
local function decode(s)
  s = s:gsub('=', '')
  local out = {}
  for i = 1, #s, 4 do
    local n, count = 0, 0
    for j = i, math.min(i + 3, #s) do n = (n << 6) | index[s:sub(j, j)] count = count + 1 end
    n = n << (6 * (4 - count))
    for k = 1, count - 1 do out[#out + 1] = string.char((n >> (8 * (3 - k))) & 255) end
  end
  return table.concat(out)
end
for _, s in ipairs({'', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', 'Hello, World!'}) do print(string.format('%q', s), encode(s), decode(encode(s)) == s) end
local all = {} for i = 0, 255 do all[#all + 1] = string.char(i) end all = table.concat(all)
print(#encode(all), decode(encode(all)) == all, encode(all):sub(1, 20))
