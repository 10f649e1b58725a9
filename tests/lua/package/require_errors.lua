-- require of a missing module lists what was tried (with empty paths, only the preload entry).
package.path = '' package.cpath = ''
local ok, err = pcall(require, 'does.not.exist')
print(ok, err)
print(pcall(require, 42))
local searchers = package.searchers
package.searchers = nil
print(pcall(require, 'x'))
package.searchers = searchers
