-- Endless recursion across coroutines: each one resumes a new one from inside itself.
local function f() return coroutine.wrap(f)() end
return f()
