//! Captured output: what Lua prints (`print`, `io`-less `stdout`) and warns (`stderr`).
//!
//! Standard output is kept in memory, up to what fits in a result beside its 4-byte
//! length, and returned in the `compute` result. Whatever would not fit is delivered to
//! the host before that, in order, by `js_ext_table_set(CHANNEL, "stdout", bytes)`; so
//! a script may print any amount and nothing is lost, while the guest never holds more
//! than one buffer of it. Standard error always goes through the channel.

use alloc::vec::Vec;
use core::cell::RefCell;
use core::ffi::c_char;

use lua_wasm_abi::{table_id, well_known_key, BUFFER_SIZE};

use crate::host;

/// Output kept for the result: at most what a result can carry.
const KEEP_LIMIT: usize = BUFFER_SIZE - 4;

struct Pending(RefCell<Vec<u8>>);

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Pending {}

static STDOUT: Pending = Pending(RefCell::new(Vec::new()));

struct Streaming(core::cell::Cell<Option<bool>>);
// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Streaming {}
/// Whether the host wants output delivered as it is written (then none is kept): asked
/// at the call's first output, so calls that print nothing do not ask.
static STREAMING: Streaming = Streaming(core::cell::Cell::new(None));

/// Starts a call: whether the host wants output streamed is asked again at its first
/// output (the host may change its mind between calls).
pub fn start_call() {
    STREAMING.0.set(None);
}

/// True when the host wants this call's output delivered as it is written.
fn streaming() -> bool {
    if let Some(live) = STREAMING.0.get() {
        return live;
    }
    let live = host::get(table_id::CHANNEL, well_known_key::STREAM.as_bytes())
        .ok()
        .flatten()
        .is_some_and(|v| v == [lua_wasm_abi::value::BOOLEAN, 1]);
    STREAMING.0.set(Some(live));
    live
}

const STREAM_STDOUT: i32 = 1;

/// Appends `bytes` to standard output, first sending the kept output to the host when
/// the two together would not fit in a result.
pub fn write_stdout(bytes: &[u8]) {
    if streaming() {
        send(well_known_key::STDOUT, bytes);
        return;
    }
    let mut out = STDOUT.0.borrow_mut();
    if out.len() + bytes.len() > KEEP_LIMIT {
        send(well_known_key::STDOUT, &out);
        out.clear();
        if bytes.len() > KEEP_LIMIT {
            send(well_known_key::STDOUT, bytes);
            return;
        }
    }
    if out.try_reserve(bytes.len()).is_err() {
        // No memory to keep it: deliver it now rather than lose it.
        send(well_known_key::STDOUT, &out);
        send(well_known_key::STDOUT, bytes);
        out.clear();
        return;
    }
    out.extend_from_slice(bytes);
}

/// Sends all kept standard output to the host now.
pub fn flush_stdout() {
    let mut out = STDOUT.0.borrow_mut();
    if !out.is_empty() {
        send(well_known_key::STDOUT, &out);
        out.clear();
        out.shrink_to(BUFFER_SIZE / 16);
    }
}

/// Runs `f` with the kept standard output, then forgets it.
pub fn take_stdout<R>(f: impl FnOnce(&[u8]) -> R) -> R {
    let mut out = STDOUT.0.borrow_mut();
    let r = f(&out);
    out.clear();
    out.shrink_to(BUFFER_SIZE / 16);
    r
}

/// Delivers `bytes` of standard output to the host now, through the channel.
pub fn send_stdout(bytes: &[u8]) {
    send(well_known_key::STDOUT, bytes);
}

fn send(key: &str, bytes: &[u8]) {
    // A host that refuses output cannot be helped; the script goes on.
    let _ = host::set(table_id::CHANNEL, key.as_bytes(), bytes);
}

/// C entry point for `fwrite` to stdout/stderr (csrc/stdio.c).
///
/// # Safety
/// `s` points to `n` readable bytes.
#[no_mangle]
unsafe extern "C" fn lw_output_write(stream: i32, s: *const c_char, n: usize) {
    if n == 0 {
        return;
    }
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { core::slice::from_raw_parts(s.cast::<u8>(), n) };
    if stream == STREAM_STDOUT {
        write_stdout(bytes);
    } else {
        send(well_known_key::STDERR, bytes);
    }
}

/// Sends bytes to standard error (Lua warnings).
pub fn write_stderr(bytes: &[u8]) {
    send(well_known_key::STDERR, bytes);
}
