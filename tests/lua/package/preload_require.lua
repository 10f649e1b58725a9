-- require with package.preload: loader arguments, caching in package.loaded, loader results.
package.preload.mymod = function(name, extra) return {name = name, extra = extra} end
local m = require('mymod')
print(m.name, m.extra, require('mymod') == m, package.loaded.mymod == m)
package.preload.returns_nil = function() end
print(require('returns_nil'), package.loaded.returns_nil)
package.preload.returns_false = function() return false end
print(require('returns_false'), package.loaded.returns_false)
package.preload.sets_loaded = function(name) package.loaded[name] = 'custom' return 'ignored' end
print(require('sets_loaded'))
package.preload.fails = function() error('loader error') end
print(pcall(require, 'fails'))
print(require('string') == string, require('math') == math, require('_G') == _G)
print(select('#', require('mymod')), select(2, require('mymod')))
