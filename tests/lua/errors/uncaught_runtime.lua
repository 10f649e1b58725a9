-- An uncaught runtime error ends the chunk: output so far and the message (without traceback) agree.
print('before the error')
local t = {}
local function fail() return t.missing.field end
fail()
print('never printed')
