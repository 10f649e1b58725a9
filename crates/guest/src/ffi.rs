//! Lua's C API for the guest: the bindings bindgen generates from `lua.h`, `lauxlib.h` and
//! `lualib.h` (see build.rs), plus the API macros of those headers as inline functions,
//! under their C names (as mlua-sys does).
//!
//! Everything here is a raw, unsafe mirror of C. Callers keep Lua's rules: a valid
//! `lua_State`, enough stack space, and no Lua error may unwind through a Rust frame — so
//! Rust code calls functions that can raise errors only from inside a protected call
//! (`lua_pcall`) or from a `lua_CFunction` that Lua itself calls.
#![allow(
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    dead_code
)]
#![allow(clippy::missing_safety_doc, clippy::upper_case_acronyms)]

include!(concat!(env!("OUT_DIR"), "/lua_bindings.rs"));

use core::ffi::{c_char, c_int};
use core::ptr;

pub const LUA_REGISTRYINDEX: c_int = -(LUAI_MAXSTACK as c_int) - 1000;

#[inline(always)]
pub const fn lua_upvalueindex(i: c_int) -> c_int {
    LUA_REGISTRYINDEX - i
}

#[inline(always)]
pub unsafe fn lua_pop(L: *mut lua_State, n: c_int) {
    lua_settop(L, -n - 1)
}

#[inline(always)]
pub unsafe fn lua_newtable(L: *mut lua_State) {
    lua_createtable(L, 0, 0)
}

#[inline(always)]
pub unsafe fn lua_pushcfunction(L: *mut lua_State, f: lua_CFunction) {
    lua_pushcclosure(L, f, 0)
}

#[inline(always)]
pub unsafe fn lua_isnil(L: *mut lua_State, idx: c_int) -> bool {
    lua_type(L, idx) == LUA_TNIL as c_int
}

#[inline(always)]
pub unsafe fn lua_isnoneornil(L: *mut lua_State, idx: c_int) -> bool {
    lua_type(L, idx) <= 0
}

#[inline(always)]
pub unsafe fn lua_istable(L: *mut lua_State, idx: c_int) -> bool {
    lua_type(L, idx) == LUA_TTABLE as c_int
}

#[inline(always)]
pub unsafe fn lua_tostring(L: *mut lua_State, idx: c_int) -> *const c_char {
    lua_tolstring(L, idx, ptr::null_mut())
}

#[inline(always)]
pub unsafe fn lua_insert(L: *mut lua_State, idx: c_int) {
    lua_rotate(L, idx, 1)
}

#[inline(always)]
pub unsafe fn lua_remove(L: *mut lua_State, idx: c_int) {
    lua_rotate(L, idx, -1);
    lua_pop(L, 1)
}

#[inline(always)]
pub unsafe fn lua_pcall(L: *mut lua_State, nargs: c_int, nresults: c_int, msgh: c_int) -> c_int {
    lua_pcallk(L, nargs, nresults, msgh, 0, None)
}

#[inline(always)]
pub unsafe fn lua_call(L: *mut lua_State, nargs: c_int, nresults: c_int) {
    lua_callk(L, nargs, nresults, 0, None)
}

#[inline(always)]
pub unsafe fn lua_tointeger(L: *mut lua_State, idx: c_int) -> lua_Integer {
    lua_tointegerx(L, idx, ptr::null_mut())
}

#[inline(always)]
pub unsafe fn lua_tonumber(L: *mut lua_State, idx: c_int) -> lua_Number {
    lua_tonumberx(L, idx, ptr::null_mut())
}

#[inline(always)]
pub unsafe fn luaL_getmetatable(L: *mut lua_State, name: *const c_char) -> c_int {
    lua_getfield(L, LUA_REGISTRYINDEX, name)
}

#[inline(always)]
pub unsafe fn luaL_typename(L: *mut lua_State, idx: c_int) -> *const c_char {
    lua_typename(L, lua_type(L, idx))
}

#[inline(always)]
pub unsafe fn luaL_checkstring(L: *mut lua_State, arg: c_int) -> *const c_char {
    luaL_checklstring(L, arg, ptr::null_mut())
}

/// Reads the string at `idx` (which must be a string or a number) as bytes.
/// The slice lives as long as the value stays on the stack.
#[inline(always)]
pub unsafe fn lua_tobytes<'a>(L: *mut lua_State, idx: c_int) -> &'a [u8] {
    let mut len = 0usize;
    let p = lua_tolstring(L, idx, &mut len);
    if p.is_null() {
        &[]
    } else {
        core::slice::from_raw_parts(p.cast::<u8>(), len)
    }
}

/// Pushes a byte string (Lua copies it).
#[inline(always)]
pub unsafe fn lua_pushbytes(L: *mut lua_State, s: &[u8]) {
    lua_pushlstring(L, s.as_ptr().cast::<c_char>(), s.len());
}
