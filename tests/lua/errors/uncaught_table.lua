-- An uncaught error whose value is a table without __tostring is described by its type.
print('output kept')
error({code = 42})
