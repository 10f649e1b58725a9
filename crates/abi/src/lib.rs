//! The lua.wasm ABI, as code: buffer and memory sizes, reserved table ids, the tags of the
//! value encoding and the encoding of `_home` keys. `docs/ABI.md` is the prose version;
//! the guest (`crates/guest`) and every Rust host (`crates/host`) use this crate, so the
//! two sides cannot drift apart.
//!
//! Architecture invariant: this crate is `no_std` (plus `alloc`) and knows nothing of Lua,
//! wasmtime or any store; it only defines bytes.
#![no_std]

extern crate alloc;

pub mod key;
pub mod value;

/// Size of the I/O buffer whose address `get_buffer_ptr()` returns.
pub const BUFFER_SIZE: usize = 64 * 1024;

/// WebAssembly page size.
pub const PAGE_SIZE: usize = 64 * 1024;

/// Pages of linear memory the module starts with (2 MB).
pub const INITIAL_PAGES: u32 = 32;

/// Bytes `get_memory_stats(ptr)` writes at `ptr`: three little-endian u32s.
pub const MEMORY_STATS_SIZE: usize = 12;

/// Table ids with a fixed meaning.
pub mod table_id {
    /// The module's own bookkeeping (`next_table_id`); never visible to Lua.
    pub const META: u32 = 0;
    /// The global Lua table `_home`.
    pub const HOME: u32 = 1;
    /// The first id given to a nested table stored into `_home`.
    pub const FIRST_NESTED: u32 = 2;
    /// Not a table: the channel through which the guest asks the host for services
    /// (output delivery, the clock). Hosts that do not know it may store what they get.
    pub const CHANNEL: u32 = u32::MAX;
}

/// Keys used in the [`table_id::META`] table and on the [`table_id::CHANNEL`].
pub mod well_known_key {
    /// META: the next id to give to a nested table (an integer value).
    pub const NEXT_TABLE_ID: &str = "next_table_id";
    /// CHANNEL `set`: bytes printed to standard output, in order.
    pub const STDOUT: &str = "stdout";
    /// CHANNEL `set`: bytes written to standard error (Lua warnings), in order.
    pub const STDERR: &str = "stderr";
    /// CHANNEL `get`: the current time, a float value in seconds since the Unix epoch.
    pub const TIME: &str = "time";
    /// CHANNEL `get`: processor time used by this VM, a float value in seconds.
    pub const CLOCK: &str = "clock";
    /// CHANNEL `get`, at the start of each `compute`: the most Lua VM instructions the call
    /// may execute, an integer value; absent or 0 means no limit.
    pub const BUDGET: &str = "budget";
    /// The host interrupted the call (the `interrupt` export), its deadline having passed.
    pub const TIMEOUT: &str = "timeout";
    /// CHANNEL `get`, at the start of each `compute`: a boolean value; true asks the guest
    /// to deliver standard output through the channel as soon as it is written (live
    /// output for hosts that show it as it comes) instead of keeping it for the result.
    pub const STREAM: &str = "stream";
    /// CHANNEL `set`, just before `compute` returns an error: what kind of error it is,
    /// one of [`error_kind`](crate::error_kind)'s texts.
    pub const ERROR_KIND: &str = "error";
    /// CHANNEL `get`, once, before the first chunk runs: a string value of 16 unpredictable
    /// bytes that seed `math.random` (two little-endian i64 for `math.randomseed`). A host
    /// that does not answer leaves the seed Lua's own (the time and the state's address).
    pub const ENTROPY: &str = "entropy";
}

/// The kinds of error `compute` reports through the channel (key `"error"`).
pub mod error_kind {
    /// The code did not compile.
    pub const SYNTAX: &str = "syntax";
    /// The code raised an error while running.
    pub const RUNTIME: &str = "runtime";
    /// Lua ran out of memory.
    pub const MEMORY: &str = "memory";
    /// The call used up its instruction budget.
    pub const BUDGET: &str = "budget";
    /// The host interrupted the call (the `interrupt` export), its deadline having passed.
    pub const TIMEOUT: &str = "timeout";
    /// The call's values did not fit in the I/O buffer, or the call broke the ABI.
    pub const ABI: &str = "abi";
}

/// Reads the u32 at the start of a successful `compute` result: the length of the
/// captured output that follows it.
pub fn output_len(result: &[u8]) -> Option<usize> {
    let bytes: [u8; 4] = result.get(..4)?.try_into().ok()?;
    Some(u32::from_le_bytes(bytes) as usize)
}
