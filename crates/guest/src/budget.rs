//! The instruction budget: how many Lua VM instructions one `compute` may execute.
//!
//! The host states the budget for each call through the channel (`get(CHANNEL, "budget")`,
//! an integer; absent or 0 means unlimited). A count hook, set on the main thread at
//! the start of each call with a budget, inherited by the coroutines it creates and given
//! to older ones when they are resumed (`luawasm_budget_resume`), runs every [`STEP`]
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

/// The count hook a thread should have now: every STEP instructions while the call has a
/// budget, every instruction once it is spent, none without a budget (a hook makes Lua
/// check at every instruction, which costs about 40% of the speed of plain Lua code, so
/// calls without a budget run with no hook at all).
fn wanted_hook_count() -> Option<c_int> {
    match BUDGET.left.get() {
        None => None,
        Some(_) if BUDGET.exhausted.get() => Some(1),
        Some(_) => Some(STEP),
    }
}

/// Gives `L` the hook the current call wants, leaving it alone (and its count running)
/// when it has it already.
///
/// # Safety
/// `L` is a thread of the state.
unsafe fn sync_hook(L: *mut lua_State) {
    let ours: unsafe extern "C" fn(*mut lua_State, *mut lua_Debug) = hook;
    let has = lua_gethook(L).is_some_and(|h| core::ptr::fn_addr_eq(h, ours));
    match wanted_hook_count() {
        Some(count) if !has || lua_gethookcount(L) != count => {
            lua_sethook(L, Some(hook), LUA_MASKCOUNT as c_int, count);
        }
        None if lua_gethook(L).is_some() => lua_sethook(L, None, 0, 0),
        _ => {}
    }
}

/// Called by Lua before it resumes a coroutine (`luai_userstateresume` in our config
/// header): coroutines created in a call without a budget get the hook when a later call
/// has one, and lose it in calls without. (A coroutine created while the hook is set
/// inherits it from its creator.)
///
/// # Safety
/// `L` is a thread of the state, about to be resumed.
#[no_mangle]
pub unsafe extern "C" fn luawasm_budget_resume(L: *mut lua_State) {
    sync_hook(L);
}

/// Starts a call: asks the host for its budget and resets the count. The main thread gets
/// the hook (every STEP instructions) when there is a budget, and none when there is not.
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
    sync_hook(L);
}

/// The error message of a spent budget.
pub fn exhausted_message() -> alloc::string::String {
    alloc::format!("instruction budget of {} exhausted", BUDGET.limit.get())
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
    // Spent: stop this thread, and the main thread the call ends on, at every
    // instruction until the call ends (other coroutines when they are next resumed).
    lua_sethook(L, Some(hook), LUA_MASKCOUNT as c_int, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD as lua_Integer);
    let main = lua_tothread(L, -1);
    lua_pop(L, 1);
    if !main.is_null() && main != L {
        lua_sethook(main, Some(hook), LUA_MASKCOUNT as c_int, 1);
    }
    raise(L, LuaError::here(exhausted_message()));
}
