/*
** undump.c: lua.wasm's replacement for lundump.c. Binary chunks are never loaded:
** crafted bytecode can break the invariants of the Lua VM (Lua itself does not
** verify precompiled code), and lua.wasm runs code it does not trust. 'load',
** 'loadstring'-style uses and 'compute' therefore answer a binary chunk with an error,
** exactly where Lua would report a mode mismatch; 'string.dump' still works.
*/

#define LUA_CORE

#include "lprefix.h"

#include "lua.h"

#include "ldo.h"
#include "lobject.h"
#include "lundump.h"


LClosure *luaU_undump (lua_State *L, ZIO *Z, const char *name) {
  (void)Z; (void)name;
  luaO_pushfstring(L, "attempt to load a binary chunk (lua.wasm loads text chunks only)");
  luaD_throw(L, LUA_ERRSYNTAX);
  return NULL;  /* not reached */
}
