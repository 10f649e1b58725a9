// The playground's ready examples. The first is the seed walkthrough.

export const EXAMPLES = [
  {
    title: 'Seed walkthrough',
    code: `-- The examples every seed host runs, in one chunk.
print("1. Basic arithmetic:", 2 + 2)
print("2. String operations:", 'Hello ' .. 'from Lua!')

-- 3. _home persists: run this again, or reload the page.
_home.counter = (_home.counter or 0) + 1
print("3. Persistent counter:", _home.counter)

print("4. Division by zero:", 1 / 0)

-- 5. A runtime error, caught so the walkthrough goes on.
local ok, err = pcall(function()
  local player = nil
  return player.name
end)
print("5. A runtime error:", err)

print("6. Lua memory in use:", collectgarbage("count") // 1, "KiB")
return _home.counter
`,
  },
  {
    title: 'Visit counter',
    code: `-- _home is a table kept by the host: here, in localStorage.
_home.visits = (_home.visits or 0) + 1
_home.last = os.date("!%Y-%m-%d %H:%M:%S UTC")
return ("visit #%d at %s"):format(_home.visits, _home.last)
`,
  },
  {
    title: 'Nested tables in _home',
    code: `-- Tables stored in _home become external tables, kept by reference.
_home.player = _home.player or { name = "ada", hp = 10, items = {} }
local p = _home.player
p.hp = p.hp - 1
table.insert(p.items, "potion #" .. (#p.items + 1))
print(p.name, "has", p.hp, "hp and", #p.items, "items")
return p.items
`,
  },
  {
    title: 'Errors roll back',
    code: `-- A run that fails changes nothing in _home: watch the panel.
_home.balance = _home.balance or 100
print("balance before:", _home.balance)
_home.balance = _home.balance - 30
if _home.balance < 50 then
  error("insufficient funds: this run's changes are rolled back")
end
return _home.balance
`,
  },
  {
    title: 'Values',
    code: `-- Every kind of value a run can return, shown as Lua writes it.
return 42, 4.0, 2^63, math.maxinteger, "text\\n", true, nil,
  {1, 2, 3}, {x = 1, y = {z = "deep"}}, print
`,
  },
  {
    title: 'Coroutines',
    code: `-- A generator built on coroutines.
local function range(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end
local squares = {}
for i in range(8) do squares[#squares + 1] = i * i end
print(table.concat(squares, " "))
return #squares
`,
  },
  {
    title: 'String patterns',
    code: `local text = "The quick brown fox jumps over the lazy dog"
local counts = {}
for word in text:lower():gmatch("%a+") do
  local first = word:sub(1, 1)
  counts[first] = (counts[first] or 0) + 1
end
local letters = {}
for letter, n in pairs(counts) do letters[#letters + 1] = letter .. "=" .. n end
table.sort(letters)
print(table.concat(letters, " "))
return text:gsub("%w+", string.upper)
`,
  },
  {
    title: 'Endless loop (budget)',
    code: `-- Every run has an instruction budget, so this cannot freeze the page.
local n = 0
while true do n = n + 1 end
`,
  },
];
