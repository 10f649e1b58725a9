//! Small safe-ish helpers over the Lua stack shared by the guest's modules.
//!
//! The rule that keeps Rust sound next to Lua's longjmp-based errors: a function that may
//! raise a Lua error (almost any API call: memory errors are everywhere) is never called
//! while a Rust value that needs dropping is alive, except plain buffers, which then leak.
//! Lua C functions written in Rust therefore compute a `Result` first, drop their locals,
//! and only then raise the error with [`raise`].

use alloc::vec::Vec;
use core::ffi::{c_char, c_int};

use crate::ffi::*;

/// An error to raise in Lua: a message, prefixed with the position of the function at
/// stack `level` (as `luaL_where` gives it).
pub struct LuaError {
    pub message: Vec<u8>,
    pub level: c_int,
}

impl LuaError {
    /// An error message prefixed with the caller's position ("input:3: ..."), as
    /// `luaL_error` and Lua's own runtime errors do.
    pub fn new(message: impl AsRef<[u8]>) -> Self {
        LuaError {
            message: message.as_ref().to_vec(),
            level: 1,
        }
    }

    /// An error message positioned at the running function itself (for hooks, which
    /// run inside the function they interrupt).
    pub fn here(message: impl AsRef<[u8]>) -> Self {
        LuaError {
            message: message.as_ref().to_vec(),
            level: 0,
        }
    }
}

/// Raises `err` as a Lua error. Never returns.
///
/// # Safety
/// Called from a Lua C function with no Rust value needing drop alive (see module doc).
pub unsafe fn raise(L: *mut lua_State, err: LuaError) -> c_int {
    luaL_where(L, err.level);
    lua_pushbytes(L, &err.message);
    drop(err);
    lua_concat(L, 2);
    lua_error(L)
}

/// Runs the body of a Lua C function and raises its error, if any, after the body's
/// locals are gone.
///
/// # Safety
/// `L` is the state Lua called the C function with.
pub unsafe fn run_c_function(
    L: *mut lua_State,
    body: unsafe fn(*mut lua_State) -> Result<c_int, LuaError>,
) -> c_int {
    match body(L) {
        Ok(n) => n,
        Err(e) => raise(L, e),
    }
}

/// A NUL-terminated literal for the C API.
macro_rules! cstr {
    ($s:literal) => {
        concat!($s, "\0").as_ptr().cast::<core::ffi::c_char>()
    };
}
pub(crate) use cstr;

/// Name of the type of the value at `idx`, for messages.
pub unsafe fn type_name<'a>(L: *mut lua_State, idx: c_int) -> &'a [u8] {
    let p: *const c_char = luaL_typename(L, idx);
    core::ffi::CStr::from_ptr(p).to_bytes()
}
