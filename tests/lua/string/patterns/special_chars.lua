-- Escaping magic characters with %, and %-escapes of non-alphanumerics match themselves.
local magic = '^$()%.[]*+-?'
for c in magic:gmatch('.') do io_s = (io_s or '') .. (('x' .. c .. 'y'):find('%' .. c, 1) or '-') end print(io_s)
print(('a.b'):gsub('%.', '%%'), ('50%'):gsub('%%', ' percent'), ('a+b'):match('%a%+%a'))
print(('1+1=2'):gsub('[%+%=]', {['+'] = ' plus ', ['='] = ' equals '}))
local function escape(s) return (s:gsub('[%^%$%(%)%%%.%[%]%*%+%-%?]', '%%%0')) end
print(escape(magic), ('x' .. magic .. 'y'):find(escape(magic)))
print(('\n\t'):find('%\n'), pcall(string.find, 'x', '%q'))
