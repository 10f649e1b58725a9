//! lua.wasm: Lua 5.4 compiled to `wasm32-unknown-unknown`, with our freestanding libc layer
//! and the exports of the ABI (`docs/ABI.md`).
//!
//! Module map (all wasm32 only):
//! - `exports`: the ABI entry points (`init`, `compute`, ...), checking every host input.
//! - `vm`: the Lua state, its libraries, running a chunk with a traceback handler.
//! - `budget`: stopping a call (the instruction budget, the host's interrupt) with a hook.
//! - `result`: encoding returned values into a result.
//! - `home`: `_home` and the other external tables, over the host imports.
//! - `host`: the five imports and the protocol around them.
//! - `output`: captured `print` output and its delivery to the host.
//! - `heap`: the heap (talc) for Lua, C and Rust, and Lua's memory accounting.
//! - `ffi`, `lua`: Lua's C API and the rule for calling it from Rust.
//! - `threads`: the coroutines that run, for the host's interrupt.
//! - `clock`: `time` and `clock`, from the host.
//!
//! The C library the Lua sources need is `csrc/` (its C half) and the `lua-wasm-libc`
//! crate (its Rust half). On any other target this crate is empty.
#![cfg_attr(target_arch = "wasm32", no_std)]
#![cfg_attr(target_arch = "wasm32", allow(non_snake_case))]

#[cfg(target_arch = "wasm32")]
extern crate alloc;

// The Rust half of the C library: linked for the C names it exports (`sin`, `strtod`,
// printf's conversions, ...), which the Lua C sources call.
#[cfg(target_arch = "wasm32")]
extern crate lua_wasm_libc;

#[cfg(target_arch = "wasm32")]
mod budget;
#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(target_arch = "wasm32")]
mod ffi;
#[cfg(target_arch = "wasm32")]
mod heap;
#[cfg(target_arch = "wasm32")]
mod home;
#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod lua;
#[cfg(target_arch = "wasm32")]
mod output;
#[cfg(target_arch = "wasm32")]
mod result;
#[cfg(target_arch = "wasm32")]
mod threads;
#[cfg(target_arch = "wasm32")]
mod vm;

/// A Rust panic in the guest is a bug: trap, and the host discards the instance.
#[cfg(all(target_arch = "wasm32", not(test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
