_home.n = (_home.n or 0) + 1
_home.t = {1, 2, {x = 'y'}, [true] = 1.5}
_home.t.self = _home.t
for k, v in pairs(_home.t) do _home[tostring(k)] = v end
return #_home.t, next(_home), _home.t[3].x
