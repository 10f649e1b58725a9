-- debug.getregistry, getuservalue/setuservalue, gethook, and setcstacklimit (compat) basics.
print(type(debug.getregistry()), debug.getregistry()._LOADED == package.loaded)
print(debug.getuservalue(1), debug.getuservalue({}), select('#', debug.getuservalue(1)))
print(pcall(debug.setuservalue, {}, 1))
print(debug.setcstacklimit and debug.setcstacklimit(100))
