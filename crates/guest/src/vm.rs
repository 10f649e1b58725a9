//! The Lua state of this instance: creating it with our libraries, and running one chunk.

use alloc::vec::Vec;
use core::cell::Cell;
use core::ffi::{c_char, c_int, c_void};
use core::ptr;

use crate::ffi::*;
use lua_wasm_abi::{error_kind, table_id, value, well_known_key};

use crate::budget;
use crate::heap::lua_alloc;
use crate::home;
use crate::lua::{cstr, run_c_function, LuaError};
use crate::result;

struct State(Cell<*mut lua_State>);

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for State {}

static STATE: State = State(Cell::new(ptr::null_mut()));

/// The main thread of the Lua state, or null before [`state`] made it.
pub fn main_thread() -> *mut lua_State {
    STATE.0.get()
}

/// The Lua state, creating it on first use; null only when there is not even memory
/// for a new state.
pub fn state() -> *mut lua_State {
    if STATE.0.get().is_null() {
        // SAFETY: creating a state has no preconditions; 'open' runs under lua_pcall.
        unsafe {
            let L = lua_newstate(Some(lua_alloc), ptr::null_mut());
            if L.is_null() {
                return L;
            }
            lua_atpanic(L, Some(panic));
            lua_setwarnf(L, Some(warn), ptr::null_mut());
            lua_pushcfunction(L, Some(open));
            if lua_pcall(L, 0, 0, 0) != LUA_OK as c_int {
                lua_close(L);
                return ptr::null_mut();
            }
            STATE.0.set(L);
        }
    }
    STATE.0.get()
}

/// An error outside any protected call is a bug in lua.wasm: trap, so the host discards
/// this instance rather than run on in an unknown state.
unsafe extern "C" fn panic(_L: *mut lua_State) -> c_int {
    core::arch::wasm32::unreachable()
}

/// The libraries lua.wasm ships: all of Lua's but `io` (no file system).
const LIBRARIES: &[(&[u8], unsafe extern "C" fn(*mut lua_State) -> c_int)] = &[
    (b"_G\0", luaopen_base),
    (b"package\0", luaopen_package),
    (b"coroutine\0", luaopen_coroutine),
    (b"table\0", luaopen_table),
    (b"string\0", luaopen_string),
    (b"math\0", luaopen_math),
    (b"utf8\0", luaopen_utf8),
    (b"os\0", luaopen_os),
    (b"debug\0", luaopen_debug),
];

/// Lua C function: opens the libraries and installs lua.wasm's globals.
unsafe extern "C" fn open(L: *mut lua_State) -> c_int {
    for (name, f) in LIBRARIES {
        luaL_requiref(L, name.as_ptr().cast::<c_char>(), Some(*f), 1);
        lua_pop(L, 1);
    }
    // os.exit would end the host's process in native Lua; here the host owns the process.
    lua_getglobal(L, cstr!("os"));
    lua_pushcfunction(L, Some(os_exit));
    lua_setfield(L, -2, cstr!("exit"));
    lua_pop(L, 1);
    // The count hook enforces the instruction budget and the host's interrupt (budget.rs):
    // scripts may not replace it.
    lua_getglobal(L, cstr!("debug"));
    lua_pushcfunction(L, Some(debug_sethook));
    lua_setfield(L, -2, cstr!("sethook"));
    lua_pop(L, 1);
    home::install(L);
    0
}

unsafe extern "C" fn debug_sethook(L: *mut lua_State) -> c_int {
    run_c_function(L, |_| {
        Err(LuaError::new("debug.sethook is not available in lua.wasm: the host's instruction budget and deadline use the hook"))
    })
}

unsafe extern "C" fn os_exit(L: *mut lua_State) -> c_int {
    run_c_function(L, |_| {
        Err(LuaError::new(
            "os.exit is not available in lua.wasm: the host decides when a script ends",
        ))
    })
}

/// Lua's warning function, as lauxlib's: off until "@on", messages to standard error
/// prefixed by "Lua warning: ", pieces of one message ('tocont') joined.
unsafe extern "C" fn warn(_ud: *mut c_void, msg: *const c_char, tocont: c_int) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Off,
        On,
        Continuing,
    }
    struct WarnMode(Cell<Mode>);
    // SAFETY: the guest is single-threaded wasm.
    unsafe impl Sync for WarnMode {}
    static MODE: WarnMode = WarnMode(Cell::new(Mode::Off));

    let text = core::ffi::CStr::from_ptr(msg).to_bytes();
    let tocont = tocont != 0;
    let mode = MODE.0.get();
    if mode != Mode::Continuing && !tocont && text.first() == Some(&b'@') {
        match &text[1..] {
            b"off" => MODE.0.set(Mode::Off),
            b"on" => MODE.0.set(Mode::On),
            _ => {} // unknown control messages are ignored
        }
        return;
    }
    if mode == Mode::Off {
        return;
    }
    let write = |b: &[u8]| crate::output::write_stderr(b);
    if mode == Mode::On {
        write(b"Lua warning: ");
    }
    write(text);
    if tocont {
        MODE.0.set(Mode::Continuing);
    } else {
        write(b"\n");
        MODE.0.set(Mode::On);
    }
}

/// The message handler of every chunk: lua.c's — the message (or a description of a
/// non-string error value) followed by a traceback.
unsafe extern "C" fn message_handler(L: *mut lua_State) -> c_int {
    let mut msg = lua_tostring(L, 1);
    if msg.is_null() {
        if luaL_callmeta(L, 1, cstr!("__tostring")) != 0 && lua_type(L, -1) == LUA_TSTRING as c_int
        {
            return 1; // that text is the message, as lua.c does
        }
        msg = lua_pushfstring(
            L,
            cstr!("(error object is a %s value)"),
            luaL_typename(L, 1),
        );
    }
    luaL_traceback(L, L, msg, 1);
    1
}

/// The outcome of running a chunk.
pub enum Outcome {
    /// The encoded values it returned (possibly none).
    Values(Vec<u8>),
    /// The kind of error (lua_wasm_abi::error_kind) and its message, with a traceback
    /// for runtime errors.
    Error(&'static str, Vec<u8>),
}

/// Longest chunk name prefix kept: more than LUA_IDSIZE, so `[string "..."]` names come
/// out exactly as for the whole source.
const CHUNKNAME_PREFIX: usize = 120;

/// Compiles and runs `code` as a chunk named like `load(code)` would name it, returning
/// its values encoded, or its error.
///
/// # Safety
/// `L` is the state from [`state`].
pub unsafe fn run(L: *mut lua_State, code: &[u8]) -> Outcome {
    lua_settop(L, 0);
    seed_random_once(L);
    budget::start_call(L);
    crate::output::start_call();
    lua_pushcfunction(L, Some(message_handler)); // 1
    let mut name = [0u8; CHUNKNAME_PREFIX + 1];
    let prefix = &code[..code.len().min(CHUNKNAME_PREFIX)];
    name[..prefix.len()].copy_from_slice(prefix);
    let status = luaL_loadbufferx(
        L,
        code.as_ptr().cast(),
        code.len(),
        name.as_ptr().cast(),
        cstr!("t"),
    );
    if status != LUA_OK as c_int {
        return take_error(L, status, error_kind::SYNTAX);
    }
    let status = lua_pcall(L, 0, LUA_MULTRET, 1);
    if status != LUA_OK as c_int {
        return take_error(L, status, error_kind::RUNTIME);
    }
    if let Some(stop) = budget::stopped() {
        // The script caught the stop's error (in a coroutine, say) and went on to the
        // end: the call still failed.
        lua_settop(L, 0);
        return Outcome::Error(stop_kind(stop), budget::stop_message(stop).into_bytes());
    }
    // [handler, results...]: encode the results under protection.
    lua_pushcfunction(L, Some(result::encode_results));
    lua_insert(L, 2);
    let nresults = lua_gettop(L) - 2;
    let status = lua_pcall(L, nresults, 0, 1);
    if status != LUA_OK as c_int {
        return take_error(L, status, error_kind::RUNTIME);
    }
    lua_settop(L, 0);
    Outcome::Values(result::take_encoded())
}

struct Flag(Cell<bool>);
// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Flag {}

/// Whether `math.random` has its seed for this VM. False in a new state, and so in a
/// memory image of this module taken after `init` (a host may start every VM from one
/// such image: they would all share one random sequence without this).
static RANDOM_SEEDED: Flag = Flag(Cell::new(false));

/// Before the first chunk: seeds `math.random` with the host's entropy (channel key
/// "entropy", 16 bytes), when the host offers it.
///
/// # Safety
/// `L` is the state from [`state`], with an empty stack.
unsafe fn seed_random_once(L: *mut lua_State) {
    if RANDOM_SEEDED.0.replace(true) {
        return;
    }
    let entropy = crate::host::get(table_id::CHANNEL, well_known_key::ENTROPY.as_bytes());
    let Ok(Some(encoded)) = entropy else { return };
    let Ok((value::Value::String(bytes), _)) = value::decode(&encoded) else {
        return;
    };
    let Some(bytes) = bytes.get(..16) else { return };
    let word = |i: usize| i64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    lua_getglobal(L, cstr!("math"));
    if lua_getfield(L, -1, cstr!("randomseed")) == LUA_TFUNCTION as c_int {
        lua_pushinteger(L, word(0));
        lua_pushinteger(L, word(8));
        // Cannot fail but for memory; the seed is then Lua's own, which is no worse.
        lua_pcall(L, 2, 0, 0);
    }
    lua_settop(L, 0);
}

/// Takes the error at the top of the stack; `kind` is what a non-memory error of this
/// phase is, unless the budget ran out.
unsafe fn take_error(L: *mut lua_State, status: c_int, kind: &'static str) -> Outcome {
    let msg = match lua_type(L, -1) as u32 {
        LUA_TSTRING | LUA_TNUMBER => lua_tobytes(L, -1).to_vec(),
        _ => b"(error object is not a string)".to_vec(),
    };
    lua_settop(L, 0);
    let kind = if status == LUA_ERRMEM as c_int {
        error_kind::MEMORY
    } else if let Some(stop) = budget::stopped() {
        stop_kind(stop)
    } else {
        kind
    };
    Outcome::Error(kind, msg)
}

/// The error kind of a stopped call.
fn stop_kind(stop: budget::Stop) -> &'static str {
    match stop {
        budget::Stop::BudgetExhausted => error_kind::BUDGET,
        budget::Stop::Interrupted => error_kind::TIMEOUT,
    }
}

/// Runs a full garbage collection; returns the bytes it freed.
pub fn collect_garbage() -> usize {
    let L = state();
    if L.is_null() {
        return 0;
    }
    let before = crate::heap::lua_bytes_in_use();
    // SAFETY: a full collection raises no errors (errors in finalizers become warnings).
    unsafe { lua_gc(L, LUA_GCCOLLECT as c_int) };
    before.saturating_sub(crate::heap::lua_bytes_in_use())
}
