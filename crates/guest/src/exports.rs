//! The exports of lua.wasm (docs/ABI.md, "Exports"): the only entry points of the module.
//!
//! Every pointer and length a host passes is checked against the memory before use: a bad
//! one gets an error result (or is ignored), never a trap.

use core::cell::{Cell, UnsafeCell};

use lua_wasm_abi::{
    error_kind, table_id, well_known_key, BUFFER_SIZE, MEMORY_STATS_SIZE, PAGE_SIZE,
};

use crate::output;
use crate::vm::{self, Outcome};

/// The I/O buffer: code in, results and error messages out.
#[repr(C, align(16))]
struct IoBuffer(UnsafeCell<[u8; BUFFER_SIZE]>);

// SAFETY: the guest is single-threaded wasm; the host only touches the buffer between
// calls, when no Rust reference to it exists.
unsafe impl Sync for IoBuffer {}

static BUFFER: IoBuffer = IoBuffer(UnsafeCell::new([0; BUFFER_SIZE]));

struct Busy(Cell<bool>);
// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Busy {}
/// Set while `compute` runs: a host that calls back into the module from an import
/// gets an error instead of a corrupted state.
static BUSY: Busy = Busy(Cell::new(false));

fn buffer_ptr() -> *mut u8 {
    BUFFER.0.get().cast()
}

fn memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * PAGE_SIZE
}

/// Creates the Lua state. 0 on success, -1 when there is not enough memory for it.
/// Calling it again does nothing (the state is kept).
#[no_mangle]
pub extern "C" fn init() -> i32 {
    if vm::state().is_null() {
        -1
    } else {
        0
    }
}

/// Address of the I/O buffer.
#[no_mangle]
pub extern "C" fn get_buffer_ptr() -> i32 {
    buffer_ptr() as i32
}

/// Size of the I/O buffer: 65536.
#[no_mangle]
pub extern "C" fn get_buffer_size() -> i32 {
    BUFFER_SIZE as i32
}

/// Runs `len` bytes of Lua source at `ptr`. Returns n > 0 when the buffer holds an n-byte
/// result, 0 when there is nothing to report, and -(n + 1) when it holds an n-byte error
/// message.
#[no_mangle]
pub extern "C" fn compute(ptr: i32, len: i32) -> i32 {
    if BUSY.0.get() {
        return write_error(
            error_kind::ABI,
            b"compute was called while another compute was running",
        );
    }
    let (start, len) = (ptr as u32 as usize, len);
    if len < 0 {
        return write_error(error_kind::ABI, b"compute: negative code length");
    }
    let len = len as usize;
    if len > BUFFER_SIZE {
        let msg = alloc::format!(
            "the code is {len} bytes, more than the {BUFFER_SIZE}-byte I/O buffer holds; \
             split it into several compute calls, or load it in pieces from _home"
        );
        return write_error(error_kind::ABI, msg.as_bytes());
    }
    if start
        .checked_add(len)
        .is_none_or(|end| end > memory_bytes())
    {
        return write_error(
            error_kind::ABI,
            b"compute: the code pointer and length are outside the module's memory",
        );
    }
    if len == 0 {
        return 0;
    }
    let L = vm::state();
    if L.is_null() {
        return write_error(error_kind::MEMORY, b"not enough memory");
    }
    BUSY.0.set(true);
    // SAFETY: [start, start+len) is inside memory (checked above). The code is only read
    // during 'luaL_loadbufferx', before anything writes into the buffer.
    let outcome = unsafe { vm::run(L, core::slice::from_raw_parts(start as *const u8, len)) };
    let status = match outcome {
        Outcome::Values(values) => write_result(&values),
        Outcome::Error(kind, msg) => write_error(kind, &msg),
    };
    BUSY.0.set(false);
    status
}

/// Asks the running `compute` to stop: its script fails at its next Lua instruction with
/// "interrupted: ...", and the call returns an error of kind `timeout`, leaving the VM
/// usable. Returns 1 when a call was running and is now stopping, 0 otherwise (no call
/// running, or one already stopping).
///
/// Only meaningful while `compute` runs, so a host calls it from inside that call: from
/// an import, or from its engine's interruption check (wasmtime's epoch deadline
/// callback) when the call's deadline passes. A script that runs no Lua instructions for
/// long (inside one library function) is not reached by it; a host keeps a hard
/// deadline for that case.
#[no_mangle]
pub extern "C" fn interrupt() -> i32 {
    let main = vm::main_thread();
    if !BUSY.0.get() || main.is_null() {
        return 0;
    }
    // SAFETY: a call is running on the open state 'main'; budget::interrupt only sets
    // hooks, which Lua allows at any instant.
    unsafe { crate::budget::interrupt(main) as i32 }
}

/// `compute` of `len` bytes already in the I/O buffer (seed 004's name).
#[no_mangle]
pub extern "C" fn eval(len: i32) -> i32 {
    compute(get_buffer_ptr(), len)
}

/// Writes `[u32 output length][output][values]` into the buffer.
fn write_result(values: &[u8]) -> i32 {
    if 4 + values.len() > BUFFER_SIZE {
        let msg = alloc::format!(
            "the values returned are {} bytes encoded, more than the {BUFFER_SIZE}-byte I/O \
             buffer holds; return less data, or store it in _home and read it in parts",
            values.len()
        );
        return write_error(error_kind::ABI, msg.as_bytes());
    }
    output::take_stdout(|out| {
        let out = if 4 + out.len() + values.len() > BUFFER_SIZE {
            // Deliver the output ahead through the channel; the values stay in the result.
            output::send_stdout(out);
            &[][..]
        } else {
            out
        };
        if out.is_empty() && values.is_empty() {
            return 0;
        }
        // SAFETY: no other reference to the buffer exists while the guest runs.
        let buf = unsafe { &mut *BUFFER.0.get() };
        buf[..4].copy_from_slice(&(out.len() as u32).to_le_bytes());
        buf[4..4 + out.len()].copy_from_slice(out);
        buf[4 + out.len()..4 + out.len() + values.len()].copy_from_slice(values);
        (4 + out.len() + values.len()) as i32
    })
}

/// Writes an error message into the buffer, after delivering any pending output through
/// the channel (so output printed before the error is not lost) and telling the host the
/// kind of error.
fn write_error(kind: &str, msg: &[u8]) -> i32 {
    output::flush_stdout();
    let _ = crate::host::set(
        table_id::CHANNEL,
        well_known_key::ERROR_KIND.as_bytes(),
        kind.as_bytes(),
    );
    let n = msg.len().min(BUFFER_SIZE);
    // SAFETY: as in write_result.
    let buf = unsafe { &mut *BUFFER.0.get() };
    buf[..n].copy_from_slice(&msg[..n]);
    -(n as i32) - 1
}

/// Writes three little-endian u32 at `ptr`: the I/O buffer size, the bytes Lua has in use,
/// and the number of memory pages. Does nothing if `ptr` is outside memory.
#[no_mangle]
pub extern "C" fn get_memory_stats(ptr: i32) {
    let start = ptr as u32 as usize;
    if start
        .checked_add(MEMORY_STATS_SIZE)
        .is_none_or(|end| end > memory_bytes())
    {
        return;
    }
    let lua_bytes = crate::heap::lua_bytes_in_use() as u32;
    let pages = core::arch::wasm32::memory_size(0) as u32;
    let mut stats = [0u8; MEMORY_STATS_SIZE];
    stats[0..4].copy_from_slice(&(BUFFER_SIZE as u32).to_le_bytes());
    stats[4..8].copy_from_slice(&lua_bytes.to_le_bytes());
    stats[8..12].copy_from_slice(&pages.to_le_bytes());
    // SAFETY: [start, start+12) is inside memory (checked above); u8 has no alignment.
    unsafe { core::ptr::copy_nonoverlapping(stats.as_ptr(), start as *mut u8, MEMORY_STATS_SIZE) };
}

/// Runs a full garbage collection and returns the bytes it freed.
#[no_mangle]
pub extern "C" fn run_gc() -> i32 {
    if BUSY.0.get() {
        return 0;
    }
    vm::collect_garbage().min(i32::MAX as usize) as i32
}
