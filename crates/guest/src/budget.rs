//! The instruction budget: how many Lua VM instructions one `compute` may execute.
//!
//! The host states the budget for each call through the channel (`get(CHANNEL, "budget")`,
//! an integer; absent or 0 means unlimited). A count hook, installed on the main thread
//! at start-up and inherited by every coroutine Lua creates, runs every [`STEP`]
//! instructions and raises the Lua error "instruction budget exhausted" once the budget
//! is spent. From then on it fires at every instruction of every thread it runs in, so a
//! script that catches the error with `pcall` is stopped again at its next instruction
//! outside the protected call: the call ends, the VM stays usable, and the next call gets
//! a fresh budget. Scripts cannot remove the hook: `debug.sethook` is not available.

use core::cell::Cell;
use core::ffi::c_int;

use lua_wasm_abi::{table_id, value, well_known_key};

use crate::ffi::*;
use crate::host;
use crate::lua::{raise, LuaError};

/// Instructions between two checks of the budget.
const STEP: c_int = 1000;

struct Budget {
    /// Instructions left in this call, or `None` without a limit.
    left: Cell<Option<u64>>,
    /// The limit of this call, for the message.
    limit: Cell<u64>,
    /// Set when the budget ran out during this call.
    exhausted: Cell<bool>,
}

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Budget {}

static BUDGET: Budget = Budget {
    left: Cell::new(None),
    limit: Cell::new(0),
    exhausted: Cell::new(false),
};

/// Installs the hook on the main thread (coroutines created later inherit it).
///
/// # Safety
/// `L` is the main thread of the state.
pub unsafe fn install(L: *mut lua_State) {
    lua_sethook(L, Some(hook), LUA_MASKCOUNT as c_int, STEP);
}

/// Starts a call: asks the host for its budget and resets the count. The hook of the
/// main thread goes back to every STEP instructions.
///
/// # Safety
/// `L` is the main thread of the state.
pub unsafe fn start_call(L: *mut lua_State) {
    let limit = host::get(table_id::CHANNEL, well_known_key::BUDGET.as_bytes())
        .ok()
        .flatten()
        .and_then(|bytes| match value::decode(&bytes) {
            Ok((value::Value::Integer(n), _)) if n > 0 => Some(n as u64),
            _ => None,
        });
    BUDGET.left.set(limit);
    BUDGET.limit.set(limit.unwrap_or(0));
    BUDGET.exhausted.set(false);
    install(L);
}

/// True when the budget ran out during the current call.
pub fn exhausted() -> bool {
    BUDGET.exhausted.get()
}

unsafe extern "C" fn hook(L: *mut lua_State, _ar: *mut lua_Debug) {
    let Some(left) = BUDGET.left.get() else {
        return;
    };
    if !BUDGET.exhausted.get() {
        let spent = STEP as u64;
        if left > spent {
            BUDGET.left.set(Some(left - spent));
            return;
        }
        BUDGET.left.set(Some(0));
        BUDGET.exhausted.set(true);
    }
    // Spent: stop this thread at every instruction until the call ends.
    lua_sethook(L, Some(hook), LUA_MASKCOUNT as c_int, 1);
    let message = alloc::format!("instruction budget of {} exhausted", BUDGET.limit.get());
    raise(L, LuaError::here(message));
}
