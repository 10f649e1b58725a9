-- __mode 'k', 'v', 'kv': collected entries disappear; strings and numbers are never weak.
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local wk = setmetatable({}, {__mode = 'k'})
local wv = setmetatable({}, {__mode = 'v'})
local wkv = setmetatable({}, {__mode = 'kv'})
local keep = {}
wk[keep] = 1 wk[{}] = 2 wk['str'] = 3 wk[1] = {}
wv[1] = keep wv[2] = {} wv[3] = 'str' wv[4] = 4
wkv[keep] = keep wkv[{}] = 1 wkv[1] = {} wkv.x = 'y'
collectgarbage() collectgarbage()
print(count(wk), count(wv), count(wkv), wk[keep], wv[1] == keep, wv[3], wv[4], wkv.x)
local eph = setmetatable({}, {__mode = 'k'})
do local k = {} eph[k] = {ref = k} end
collectgarbage() collectgarbage()
print(count(eph))
local fns = setmetatable({}, {__mode = 'v'})
fns[1] = function() end fns[2] = print
collectgarbage()
print(fns[1] == nil, fns[2] == print)
