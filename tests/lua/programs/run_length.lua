-- Run-length encoding and decoding with patterns and captures.
local function encode(s) return (s:gsub('(.)%1*', function(c) return c end)) end
local function rle(s)
  local out, i = {}, 1
  while i <= #s do
    local c = s:sub(i, i)
    local j = i while s:sub(j + 1, j + 1) == c do j = j + 1 end
    out[#out + 1] = (j - i + 1) .. c i = j + 1
  end
  return table.concat(out)
end
local function unrle(s) return (s:gsub('(%d+)(%D)', function(n, c) return c:rep(tonumber(n)) end)) end
for _, s in ipairs({'aaabccdddd', 'abc', '', 'zzzzzzzzzzzz', 'aabbaa'}) do print(s, rle(s), unrle(rle(s)) == s, encode(s)) end
