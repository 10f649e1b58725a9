-- Values returned by a chunk: integers and floats kept apart, strings, booleans, nil, nested tables.
return 1, 1.0, -0.0, math.maxinteger, 2^63, 'text', '', true, false, nil, {1, 2.5, 'x', {nested = true}, [10] = 'ten', key = {deep = {1}}}
