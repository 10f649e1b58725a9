//! Which coroutines are running: the threads a stop (budget.rs) must reach at once.
//!
//! Lua keeps no list of its threads that we may read, nor a pointer to the one running.
//! A hook set on the main thread does not reach a coroutine it resumed, and when the
//! host interrupts a call (the `interrupt` export) the code that must stop may be any
//! coroutine in the chain of resumes: the main thread resumed A, A resumed B, B runs a
//! loop. So every thread Lua resumes is recorded here (`luai_userstateresume`), a freed
//! thread is forgotten (`luai_userstatefree`), and [`for_each_active`] visits those that
//! are running or waiting for a coroutine they resumed (the others, suspended or
//! finished, get the hook when they are next resumed).
//!
//! The list may hold threads that have since yielded or finished; they are dropped the
//! next time a thread is recorded. It never holds a freed thread, so each entry is a
//! valid `lua_State` at every instant, even seen from the `interrupt` export, which may
//! run in the middle of [`record`] or [`forget`] (wasmtime calls it from an epoch check
//! of the code it interrupts).

use core::cell::Cell;
use core::ffi::c_int;
use core::ptr;

use crate::ffi::*;

/// Most threads recorded at once. Lua refuses to nest resumes about 200 deep ("C stack
/// overflow"), so the active ones always fit; a thread that finds no room is not
/// recorded, and an interrupt reaches it only when it is next resumed (failing that,
/// the host's hard deadline stops the call).
const CAPACITY: usize = 256;

struct Threads {
    len: Cell<usize>,
    slots: [Cell<*mut lua_State>; CAPACITY],
}

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Threads {}

static THREADS: Threads = Threads {
    len: Cell::new(0),
    slots: [const { Cell::new(ptr::null_mut()) }; CAPACITY],
};

/// True while `L` runs or waits for a coroutine it resumed: not suspended in a yield, not
/// finished, not yet started.
///
/// # Safety
/// `L` is a live thread of the state.
unsafe fn is_active(L: *mut lua_State) -> bool {
    let mut ar = core::mem::MaybeUninit::<lua_Debug>::uninit();
    lua_status(L) == LUA_OK as c_int && lua_getstack(L, 0, ar.as_mut_ptr()) != 0
}

/// Records `L`, about to be resumed, first dropping the threads no longer active.
///
/// # Safety
/// `L` is a live thread of the state.
pub unsafe fn record(L: *mut lua_State) {
    let mut kept = 0;
    for i in 0..THREADS.len.get() {
        let t = THREADS.slots[i].get();
        if t != L && is_active(t) {
            THREADS.slots[kept].set(t);
            kept += 1;
        }
    }
    // Shrinking after the moves keeps every slot below `len` a live thread throughout.
    THREADS.len.set(kept);
    if kept < CAPACITY {
        THREADS.slots[kept].set(L);
        THREADS.len.set(kept + 1);
    }
}

/// Forgets `L`, which Lua is about to free.
///
/// # Safety
/// Called only by `luai_userstatefree`.
#[no_mangle]
pub unsafe extern "C" fn luawasm_thread_free(L: *mut lua_State) {
    let len = THREADS.len.get();
    if let Some(i) = (0..len).find(|&i| THREADS.slots[i].get() == L) {
        // Move the last entry into the hole, then shrink: a reader in between sees L
        // twice at worst, and L is still live until this function returns.
        THREADS.slots[i].set(THREADS.slots[len - 1].get());
        THREADS.len.set(len - 1);
    }
}

/// Calls `f` for each recorded thread that is active (see [`is_active`]).
///
/// # Safety
/// The state is open.
pub unsafe fn for_each_active(mut f: impl FnMut(*mut lua_State)) {
    for i in 0..THREADS.len.get() {
        let t = THREADS.slots[i].get();
        if is_active(t) {
            f(t);
        }
    }
}
