-- load reading an endless source from a reader function: the reader is Lua code, so the
-- instruction budget stops it (or memory runs out first).
return load(function() return 'x = 1 ' end)
