-- type() of every kind of value and its errors.
print(type(nil), type(true), type(0), type(0.5), type(''), type({}), type(print), type(type), type(function() end))
print(type(coroutine.create(print)), type(_G), type(_ENV), type(string), type(math.pi))
print(pcall(type))
print(type(type(nil)), type((type(1))))
