-- collectgarbage options: types of results only (never memory amounts), mode switches, errors.
print(collectgarbage(), collectgarbage('collect'), type(collectgarbage('count')), math.type(collectgarbage('count')))
print(collectgarbage('isrunning'), collectgarbage('stop'), collectgarbage('isrunning'), collectgarbage('restart'), collectgarbage('isrunning'))
print(type(collectgarbage('step')), collectgarbage('step', 0) ~= nil)
print(collectgarbage('incremental'), collectgarbage('generational'), collectgarbage('generational'), collectgarbage('incremental'))
print(type(collectgarbage('setpause', 200)), type(collectgarbage('setstepmul', 100)))
print(pcall(collectgarbage, 'nope'))
print(pcall(collectgarbage, 1))
print(select('#', collectgarbage('count')))
