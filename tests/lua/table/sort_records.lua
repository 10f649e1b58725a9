-- Sorting records by several keys with a total order, so every implementation gives one result.
local people = {}
local names = {'ana', 'bob', 'cid', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon'}
for i, n in ipairs(names) do people[i] = {name = n, age = 20 + (i * 7) % 5, score = (i * 37) % 11} end
table.sort(people, function(a, b)
  if a.age ~= b.age then return a.age < b.age end
  if a.score ~= b.score then return a.score > b.score end
  return a.name < b.name
end)
for _, p in ipairs(people) do io_p = (io_p or '') .. p.name .. ':' .. p.age .. ':' .. p.score .. ' ' end
print(io_p)
local words = {} for w in ('the quick brown fox jumps over the lazy dog again and again'):gmatch('%a+') do words[#words + 1] = w end
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, ' '))
