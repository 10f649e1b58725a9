-- gmatch with position captures and mixed captures to tokenize an expression.
local expr = 'x1 = 42 + y_2 * (3.5 - z)'
local toks = {}
for pos, tok in expr:gmatch('()([%w_%.]+)') do toks[#toks + 1] = tok .. '@' .. pos end
print(table.concat(toks, ' '))
local ops = {} for pos, op in expr:gmatch('()([=+*%-%(%)])') do ops[#ops + 1] = op .. pos end print(table.concat(ops, ' '))
local kv = {} for k, v in ('a=1;b=;c=3'):gmatch('(%w+)=(%w*)') do kv[#kv + 1] = k .. ':' .. (v == '' and '_' or v) end print(table.concat(kv, ' '))
