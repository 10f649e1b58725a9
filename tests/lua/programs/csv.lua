-- Parsing CSV lines with quoted fields, escaped quotes and empty fields.
local function parse(line)
  local fields, pos = {}, 1
  while true do
    if line:sub(pos, pos) == '"' then
      local value, i = '', pos + 1
      while true do
        local q = line:find('"', i, true)
        if not q then error('unterminated quote') end
        if line:sub(q + 1, q + 1) == '"' then value = value .. line:sub(i, q) i = q + 2
        else value = value .. line:sub(i, q - 1) pos = q + 1 break end
      end
      fields[#fields + 1] = value
    else
      local e = line:find(',', pos, true) or #line + 1
      fields[#fields + 1] = line:sub(pos, e - 1) pos = e
    end
    if line:sub(pos, pos) ~= ',' then break end
    pos = pos + 1
  end
  return fields
end
for _, l in ipairs({'a,b,c', '"x, y",z', '"say ""hi""",,end', ',', '', '1,"2",3'}) do
  local f = parse(l) local shown = {} for i, v in ipairs(f) do shown[i] = '<' .. v .. '>' end print(#f, table.concat(shown))
end
print(pcall(parse, '"open'))
