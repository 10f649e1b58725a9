-- Sieve of Eratosthenes up to 10000: prime count, last primes, and twin-prime count.
local n = 10000
local composite = {}
for i = 2, math.floor(math.sqrt(n)) do
  if not composite[i] then for j = i * i, n, i do composite[j] = true end end
end
local primes = {} for i = 2, n do if not composite[i] then primes[#primes + 1] = i end end
local twins = 0 for i = 2, #primes do if primes[i] - primes[i - 1] == 2 then twins = twins + 1 end end
print(#primes, primes[#primes], primes[#primes - 1], twins, table.concat(primes, ',', 1, 10))
