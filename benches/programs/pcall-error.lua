-- pcall with errors: raising an error (a string with its position, and a table) and
-- catching it with pcall: Lua's longjmp, which lua.wasm implements with wasm exceptions.
local function fail(i)
  if i % 2 == 0 then error("failed at " .. i) end
  error({ code = i })
end

local sum = 0
for i = 1, 10000 do
  local ok, err = pcall(fail, i)
  if not ok then
    if type(err) == "string" then sum = sum + #err else sum = sum + err.code end
  end
end
return sum
