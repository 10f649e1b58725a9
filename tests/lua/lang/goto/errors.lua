-- goto errors: undefined label, jump into the scope of a local, duplicate labels, visibility.
local srcs = {
  'goto a local x ::a:: print(x)',
  'do goto a end ::a::',
  'goto a do ::a:: end',
  '::a:: ::a::',
  'do ::a:: end ::a::',
  'local function f() goto a end ::a::',
  'repeat goto cont local x ::cont:: until x',
  'for i = 1, 2 do ::l:: end goto l',
  'goto a local x ::a::',
  'do goto a local x ::a:: end',
  '::l1:: do ::l1:: end',
  'goto continue',
}
for _, s in ipairs(srcs) do
  local f, err = load(s)
  print(s, '=>', f and 'compiles' or err)
end
