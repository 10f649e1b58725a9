-- os.difftime: float results, one or two arguments, errors.
print(os.difftime(10, 5), os.difftime(5, 10), os.difftime(0, 0), math.type(os.difftime(1, 0)))
print(os.difftime(2^53, 0), os.difftime(-1, 1), os.difftime(1.0, 0))
print(pcall(os.difftime, 'x', 1))
print(pcall(os.difftime))
print(pcall(os.difftime, 1.5, 1))
print(pcall(os.difftime, 5))
