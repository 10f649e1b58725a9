//! Native Lua 5.4.9 through its C API (mlua's `ffi`: the vendored build), used the way
//! `lua.c` uses it: `luaL_newstate` with the C allocator, the libraries opened with
//! `luaL_requiref`, chunks run with `luaL_loadbufferx` and `lua_pcall`. mlua's safe layer
//! is left out on purpose: it adds work (its own allocator, registry set-up, value
//! conversions) that lua.wasm does not do, and the ratios should compare Lua with Lua.
//!
//! The only `unsafe` code of the bench.

use std::ffi::{c_char, c_int, CStr, CString};

use mlua::ffi::{self, lua_State};

/// The libraries lua.wasm opens (crates/guest/src/vm.rs): all of Lua's but `io`.
const LIBRARIES: &[(&CStr, ffi::lua_CFunction)] = &[
    (c"_G", ffi::luaopen_base),
    (c"package", ffi::luaopen_package),
    (c"coroutine", ffi::luaopen_coroutine),
    (c"table", ffi::luaopen_table),
    (c"string", ffi::luaopen_string),
    (c"math", ffi::luaopen_math),
    (c"utf8", ffi::luaopen_utf8),
    (c"os", ffi::luaopen_os),
    (c"debug", ffi::luaopen_debug),
];

/// One native Lua state, closed on drop.
pub struct State(*mut lua_State);

/// A chunk ready to run: its source and the name lua.wasm gives it (its first 120 bytes,
/// so `[string "..."]` positions in messages agree).
pub struct Chunk {
    code: Vec<u8>,
    name: CString,
}

impl Chunk {
    pub fn new(code: &str) -> Chunk {
        let prefix: String = code.chars().take(120).collect();
        Chunk {
            code: code.as_bytes().to_vec(),
            name: CString::new(prefix).expect("Lua source without NUL bytes"),
        }
    }
}

/// What a chunk run natively returned.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Its first value as text (integers in decimal, strings as they are), or "" if none.
    Value(String),
    /// The error message (with traceback), as lua.c's message handler makes it.
    Error(String),
}

impl State {
    /// A fresh state with the same libraries as lua.wasm: `luaL_newstate` plus
    /// `luaL_requiref` of each library, as lua.wasm's start-up does.
    pub fn new() -> State {
        // SAFETY: luaL_newstate has no preconditions; it returns null only when out of
        // memory, checked below. Opening the standard libraries on a fresh state cannot
        // raise except on memory errors, which would abort through lua_atpanic as in lua.c.
        unsafe {
            let l = ffi::luaL_newstate();
            assert!(!l.is_null(), "luaL_newstate: out of memory");
            for (name, open) in LIBRARIES {
                ffi::luaL_requiref(l, name.as_ptr(), *open, 1);
                ffi::lua_pop(l, 1);
            }
            State(l)
        }
    }

    /// Runs `chunk` under a message handler (like lua.c and lua.wasm) and returns the
    /// status (`LUA_OK` or the error's status). The stack is left empty.
    pub fn run(&mut self, chunk: &Chunk) -> c_int {
        self.exec(chunk, false).0
    }

    /// Runs `chunk` and describes what it returned.
    pub fn outcome(&mut self, chunk: &Chunk) -> Outcome {
        match self.exec(chunk, true) {
            (ffi::LUA_OK, text) => Outcome::Value(text.unwrap_or_default()),
            (_, text) => Outcome::Error(text.unwrap_or_default()),
        }
    }

    /// Runs `chunk` (all its results kept, as lua.wasm does); with `describe`, also gives
    /// the text of its first value or of its error.
    fn exec(&mut self, chunk: &Chunk, describe: bool) -> (c_int, Option<String>) {
        let l = self.0;
        // SAFETY: `l` is a live state owned by `self`. The calls below either cannot
        // raise or run protected (luaL_loadbufferx, lua_pcall); the stack holds
        // [handler, results or message] and is cleared before returning.
        unsafe {
            ffi::lua_settop(l, 0);
            ffi::lua_pushcfunction(l, message_handler);
            let mut status = ffi::luaL_loadbufferx(
                l,
                chunk.code.as_ptr().cast::<c_char>(),
                chunk.code.len(),
                chunk.name.as_ptr(),
                c"t".as_ptr(),
            );
            if status == ffi::LUA_OK {
                status = ffi::lua_pcall(l, 0, ffi::LUA_MULTRET, 1);
            }
            let text = (describe && ffi::lua_gettop(l) >= 2).then(|| text_of(l, 2));
            ffi::lua_settop(l, 0);
            (status, text)
        }
    }
}

impl Drop for State {
    fn drop(&mut self) {
        // SAFETY: the state is live and nothing else refers to it.
        unsafe { ffi::lua_close(self.0) }
    }
}

/// The value at `idx` as text: integers in decimal, strings as they are, other values
/// by their type name in brackets.
///
/// # Safety
/// `idx` is a valid index of `l`'s stack.
unsafe fn text_of(l: *mut lua_State, idx: c_int) -> String {
    if ffi::lua_type(l, idx) == ffi::LUA_TNUMBER && ffi::lua_isinteger(l, idx) != 0 {
        return ffi::lua_tointeger(l, idx).to_string();
    }
    if ffi::lua_type(l, idx) == ffi::LUA_TSTRING {
        let mut len = 0;
        let p = ffi::lua_tolstring(l, idx, &mut len);
        let bytes = std::slice::from_raw_parts(p.cast::<u8>(), len);
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let name = CStr::from_ptr(ffi::lua_typename(l, ffi::lua_type(l, idx)));
    format!("[{}]", name.to_string_lossy())
}

/// lua.c's message handler for string messages: the message plus a traceback, which is
/// what lua.wasm's handler does for every error.
unsafe extern "C-unwind" fn message_handler(l: *mut lua_State) -> c_int {
    let msg = ffi::lua_tolstring(l, 1, std::ptr::null_mut());
    if msg.is_null() {
        ffi::lua_pushstring(l, c"(error object is not a string)".as_ptr());
        return 1;
    }
    ffi::luaL_traceback(l, l, msg, 1);
    1
}
