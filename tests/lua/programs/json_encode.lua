-- A small JSON encoder: escapes, sorted object keys, arrays, nested values, numbers of both subtypes.
local function encode(v, out)
  local t = type(v)
  if t == 'nil' then out[#out + 1] = 'null'
  elseif t == 'boolean' then out[#out + 1] = tostring(v)
  elseif t == 'number' then
    if v ~= v or v == math.huge or v == -math.huge then out[#out + 1] = 'null'
    elseif math.type(v) == 'integer' then out[#out + 1] = string.format('%d', v)
    else out[#out + 1] = string.format('%.17g', v) end
  elseif t == 'string' then
    out[#out + 1] = '"' .. v:gsub('[%c"\\]', function(c)
      local map = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t'}
      return map[c] or string.format('\\u%04x', c:byte())
    end) .. '"'
  elseif t == 'table' then
    if #v > 0 or next(v) == nil then
      out[#out + 1] = '['
      for i, x in ipairs(v) do if i > 1 then out[#out + 1] = ',' end encode(x, out) end
      out[#out + 1] = ']'
    else
      local keys = {} for k in pairs(v) do keys[#keys + 1] = tostring(k) end table.sort(keys)
      out[#out + 1] = '{'
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = ',' end
        encode(k, out) out[#out + 1] = ':' encode(v[k], out)
      end
      out[#out + 1] = '}'
    end
  end
  return out
end
local doc = {name = 'lua "wasm"\n', version = 5.4, ints = {1, 2, 3}, nested = {a = {b = {c = true}}}, empty = {}, ctrl = '\1\31', big = math.maxinteger, inf = 1/0, tenth = 0.1}
print(table.concat(encode(doc, {})))
