-- package fields: config, searchers count, searchpath on the string level, loaded libraries.
print(package.config)
print(#package.searchers, type(package.searchers[1]), type(package.preload), type(package.loadlib))
local loaded = {} for k in pairs(package.loaded) do if k ~= 'io' then loaded[#loaded + 1] = k end end table.sort(loaded)
print(table.concat(loaded, ' '))
print(pcall(require))
print(package.loaded._G == _G, package.loaded.string == string)
local searchers = {}
package.searchers[#package.searchers + 1] = function(name) return function() return 'from custom searcher ' .. name end, ':extra' end
package.path, package.cpath = '', ''
print(require('anything'))
