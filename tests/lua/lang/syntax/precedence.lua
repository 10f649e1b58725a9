-- Operator precedence and associativity across all operator groups.
print(1 + 2 * 3, (1 + 2) * 3, 2 * 3 ^ 2, -2 ^ 2, 2 ^ -1, not 1 == 2, not (1 == 2))
print(1 .. 2 .. 3, 'a' .. 1 + 2, 1 + 2 .. '', 2 ^ 3 ^ 2, 100 / 10 / 2, 100 // 3 // 2, 2 - 3 - 4)
print(1 < 2 == true, 1 | 2 ~ 3 & 4, 1 << 2 | 1, 1 + 1 << 1, 5 & 3 == 1, 3 .. 4 < '4')
print(1 or 2 and nil, nil and 1 or 2, false or nil, nil or false, 1 and 2 or 3, nil and nil or 'd')
print(#'abc' + 1, -#'ab', not nil and 1, ~0 + 1, - - 2, not not nil)
print(2 * -3 ^ 2, -3 % 5, (-3) % 5, -3 // 2, 7 - -3, 2 ^ 2 ^ 3 == 2 ^ 8)
print('a' < 'b' and 'lt' or 'ge', 1 == 1.0 and 'eq', #{1, 2} * 2 .. 'x')
