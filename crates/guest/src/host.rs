//! The five host imports (`env.js_ext_table_*`) and safe wrappers over them.
//!
//! The wrappers own the protocol details of docs/ABI.md, "Imports": key encoding is
//! done by the caller, but buffer sizing, the meaning of negative answers and the
//! retry on a too-small buffer live here.

use alloc::vec::Vec;
use core::cell::Cell;

#[link(wasm_import_module = "env")]
extern "C" {
    fn js_ext_table_set(
        table_id: u32,
        key_ptr: *const u8,
        key_len: usize,
        val_ptr: *const u8,
        val_len: usize,
    ) -> i32;
    fn js_ext_table_get(
        table_id: u32,
        key_ptr: *const u8,
        key_len: usize,
        val_ptr: *mut u8,
        max_len: usize,
    ) -> i32;
    fn js_ext_table_delete(table_id: u32, key_ptr: *const u8, key_len: usize) -> i32;
    fn js_ext_table_size(table_id: u32) -> i32;
    fn js_ext_table_keys(table_id: u32, buf_ptr: *mut u8, max_len: usize) -> i32;
}

/// The first buffer offered for a value or a key list; grown on demand.
const FIRST_CAPACITY: usize = lua_wasm_abi::BUFFER_SIZE;

/// The largest buffer offered before giving up (the guest's memory is smaller anyway).
const MAX_CAPACITY: usize = 1 << 30;

/// A host answer the guest cannot accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostError {
    /// `js_ext_table_set` answered with a negative status.
    SetRefused(i32),
    /// The value or key list does not fit any buffer the guest can offer.
    TooLarge,
    /// `js_ext_table_keys` failed although `js_ext_table_size` reported entries.
    KeysUnavailable,
}

impl HostError {
    /// What a Lua error message says about this failure.
    pub fn describe(self) -> &'static str {
        match self {
            HostError::SetRefused(_) => "the host refused to store the value",
            HostError::TooLarge => "the stored data is too large for the guest's memory",
            HostError::KeysUnavailable => "the host could not list the table's keys",
        }
    }
}

/// Stores `value` under `key` in table `id`.
pub fn set(id: u32, key: &[u8], value: &[u8]) -> Result<(), HostError> {
    // SAFETY: both slices are valid for reads for the duration of the call; the host only
    // reads them.
    let status =
        unsafe { js_ext_table_set(id, key.as_ptr(), key.len(), value.as_ptr(), value.len()) };
    if status < 0 {
        Err(HostError::SetRefused(status))
    } else {
        Ok(())
    }
}

/// Deletes `key` from table `id`. Hosts differ on whether deleting a missing key is an
/// error (seed C host: -1); either way the key is absent afterwards, so the answer is
/// not an error here.
pub fn delete(id: u32, key: &[u8]) {
    // SAFETY: 'key' is valid for reads for the duration of the call.
    unsafe { js_ext_table_delete(id, key.as_ptr(), key.len()) };
}

/// Number of entries in table `id` (0 for a table the host does not know).
pub fn size(id: u32) -> usize {
    // SAFETY: no pointers are passed.
    let n = unsafe { js_ext_table_size(id) };
    n.max(0) as usize
}

/// The value stored under `key` in table `id`; `None` when absent.
///
/// A host answers with the value's length, writing it only when it fits (so a length
/// greater than the offered capacity asks for a larger buffer), or -1 when the key is
/// absent. Seed hosts also answer -1 when the buffer is too small: the first buffer
/// offered is a whole I/O buffer (64 KiB), so with them values up to that size work.
pub fn get(id: u32, key: &[u8]) -> Result<Option<Vec<u8>>, HostError> {
    let mut scratch = SCRATCH.0.take();
    let result = get_into(id, key, &mut scratch);
    SCRATCH.0.set(scratch);
    result
}

struct Scratch(Cell<Vec<u8>>);

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Scratch {}

/// Reused between calls; taken out while in use (so no borrow outlives a call).
static SCRATCH: Scratch = Scratch(Cell::new(Vec::new()));

fn get_into(id: u32, key: &[u8], buf: &mut Vec<u8>) -> Result<Option<Vec<u8>>, HostError> {
    let mut capacity = buf.capacity().max(FIRST_CAPACITY);
    loop {
        buf.clear();
        buf.try_reserve(capacity).map_err(|_| HostError::TooLarge)?;
        capacity = buf.capacity();
        // SAFETY: 'buf' has 'capacity' writable bytes; the host writes at most that many.
        let n =
            unsafe { js_ext_table_get(id, key.as_ptr(), key.len(), buf.as_mut_ptr(), capacity) };
        if n < 0 {
            return Ok(None);
        }
        let n = n as usize;
        if n <= capacity {
            // SAFETY: the host wrote 'n' <= capacity bytes.
            unsafe { buf.set_len(n) };
            if buf.capacity() > FIRST_CAPACITY {
                // A large value: hand over the buffer itself rather than copy it (and do
                // not keep a huge scratch buffer around).
                return Ok(Some(core::mem::take(buf)));
            }
            let mut value = Vec::new();
            value
                .try_reserve_exact(n)
                .map_err(|_| HostError::TooLarge)?;
            value.extend_from_slice(buf);
            return Ok(Some(value));
        }
        if n > MAX_CAPACITY {
            return Err(HostError::TooLarge);
        }
        capacity = n;
    }
}

/// Reads the newline-separated stored keys of table `id` into `buf`.
pub fn keys(id: u32, buf: &mut Vec<u8>) -> Result<(), HostError> {
    buf.clear();
    if size(id) == 0 {
        return Ok(());
    }
    let mut capacity = buf.capacity().max(FIRST_CAPACITY);
    loop {
        buf.clear();
        buf.try_reserve(capacity).map_err(|_| HostError::TooLarge)?;
        capacity = buf.capacity();
        // SAFETY: as in 'get'.
        let n = unsafe { js_ext_table_keys(id, buf.as_mut_ptr(), capacity) };
        if n >= 0 && (n as usize) <= capacity {
            // SAFETY: the host wrote 'n' <= capacity bytes.
            unsafe { buf.set_len(n as usize) };
            return Ok(());
        }
        // Either the length needed (our hosts) or -1 (seed hosts: too small): grow.
        let wanted = if n > 0 { n as usize } else { capacity * 2 };
        if wanted > MAX_CAPACITY {
            return Err(if n < 0 {
                HostError::KeysUnavailable
            } else {
                HostError::TooLarge
            });
        }
        if n < 0 && capacity >= 16 * 1024 * 1024 {
            return Err(HostError::KeysUnavailable);
        }
        capacity = wanted;
    }
}
