-- Method calls with ':' pass the receiver; definitions with ':' get 'self'; string methods.
local Account = {}
Account.__index = Account
function Account.new(b) return setmetatable({balance = b}, Account) end
function Account:deposit(v) self.balance = self.balance + v return self end
function Account.withdraw(self, v) self.balance = self.balance - v return self end
local acc = Account.new(100)
acc:deposit(50):withdraw(30)
print(acc.balance, Account.deposit(acc, 1).balance)
local s = 'Hello'
print(s:upper(), s:len(), ('x'):rep(3), #s:rep(2), s:sub(2):upper(), ('%d-%d'):format(1, 2))
print(pcall(function() local n = 5 return n:foo() end))
print(pcall(function() return acc:missing() end))
local obj = {name = 'o'}
function obj.greet(self, g) return g .. ' ' .. self.name end
print(obj:greet('hi'), obj.greet(obj, 'hey'), obj.greet({name = 'other'}, 'yo'))
local nested
nested = {a = {b = {c = function(self) return self == nested.a.b end}}}
print(nested.a.b:c(), nested.a.b.c(nested))
