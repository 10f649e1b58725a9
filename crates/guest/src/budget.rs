//! Stopping a call: the instruction budget (how many Lua VM instructions one `compute`
//! may execute) and the host's interrupt (its deadline passed). Both stop the script the
//! same way, with a Lua error raised from a count hook, so the VM stays usable.
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
//!
//! The interrupt: a host whose deadline passes while `compute` runs calls the `interrupt`
//! export (wasmtime does so from the epoch check of the running code). It marks the call
//! stopped and sets the every-instruction hook on the main thread and on every coroutine
//! running or waiting for one it resumed (threads.rs), the way `lua.c` stops a script on
//! Ctrl-C. Lua allows `lua_sethook` at any instant (ldebug.c: "This function can be called
//! during a signal"); `interrupt` does nothing else, allocates nothing and touches no
//! Lua stack. The script then fails at its next instruction with "interrupted: ...",
//! the call reports error kind `timeout`, and the state stays consistent. Code that runs
//! no Lua instructions (a long `string.rep`, a pattern match) does not see the hook: the
//! host's hard deadline stops that.

use core::cell::Cell;
use core::ffi::c_int;

use lua_wasm_abi::{table_id, value, well_known_key};

use crate::ffi::*;
use crate::host;
use crate::lua::{raise, LuaError};
use crate::threads;

/// Instructions between two checks of the budget.
const STEP: c_int = 1000;

struct Budget {
    /// Instructions left in this call, or `None` without a limit.
    left: Cell<Option<u64>>,
    /// The limit of this call, for the message.
    limit: Cell<u64>,
    /// Why this call is being stopped, once it is.
    stop: Cell<Option<Stop>>,
}

/// Why a call is stopped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stop {
    /// It spent its instruction budget.
    BudgetExhausted,
    /// The host interrupted it (`interrupt`): its deadline passed.
    Interrupted,
}

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Budget {}

static BUDGET: Budget = Budget {
    left: Cell::new(None),
    limit: Cell::new(0),
    stop: Cell::new(None),
};

/// The count hook a thread should have now: every instruction once the call is stopped,
/// every STEP instructions while it has a budget, none otherwise (a hook makes Lua check
/// at every instruction, which costs about a third of the speed of plain Lua code, so
/// calls without a budget run with no hook at all).
fn wanted_hook_count() -> Option<c_int> {
    match (BUDGET.stop.get(), BUDGET.left.get()) {
        (Some(_), _) => Some(1),
        (None, Some(_)) => Some(STEP),
        (None, None) => None,
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
    threads::record(L);
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
    BUDGET.stop.set(None);
    sync_hook(L);
}

/// The error message of a stopped call.
pub fn stop_message(stop: Stop) -> alloc::string::String {
    match stop {
        Stop::BudgetExhausted => {
            alloc::format!("instruction budget of {} exhausted", BUDGET.limit.get())
        }
        Stop::Interrupted => "interrupted: the call ran past its deadline".into(),
    }
}

/// Why the current call was stopped, if it was.
pub fn stopped() -> Option<Stop> {
    BUDGET.stop.get()
}

/// Stops the running call (the `interrupt` export): from now on every thread fails at
/// its next Lua instruction. Returns false when the call was stopped already.
///
/// Runs in the middle of whatever the guest was doing: it only sets hooks (see the
/// module's documentation).
///
/// # Safety
/// `main` is the main thread of the open state, and a call is running.
pub unsafe fn interrupt(main: *mut lua_State) -> bool {
    if BUDGET.stop.get().is_some() {
        return false;
    }
    BUDGET.stop.set(Some(Stop::Interrupted));
    lua_sethook(main, Some(hook), LUA_MASKCOUNT as c_int, 1);
    threads::for_each_active(|t| lua_sethook(t, Some(hook), LUA_MASKCOUNT as c_int, 1));
    true
}

unsafe extern "C" fn hook(L: *mut lua_State, _ar: *mut lua_Debug) {
    let stop = match (BUDGET.stop.get(), BUDGET.left.get()) {
        (Some(stop), _) => stop,
        (None, None) => return, // a hook left from an earlier call
        (None, Some(left)) => {
            let spent = STEP as u64;
            if left > spent {
                BUDGET.left.set(Some(left - spent));
                return;
            }
            BUDGET.left.set(Some(0));
            BUDGET.stop.set(Some(Stop::BudgetExhausted));
            Stop::BudgetExhausted
        }
    };
    // Stopped: stop this thread, and the threads the call ends through, at every
    // instruction until the call ends (other coroutines when they are next resumed).
    lua_sethook(L, Some(hook), LUA_MASKCOUNT as c_int, 1);
    let main = crate::vm::main_thread();
    if !main.is_null() && main != L {
        lua_sethook(main, Some(hook), LUA_MASKCOUNT as c_int, 1);
    }
    threads::for_each_active(|t| {
        if t != L {
            lua_sethook(t, Some(hook), LUA_MASKCOUNT as c_int, 1)
        }
    });
    raise(L, LuaError::here(stop_message(stop)));
}
