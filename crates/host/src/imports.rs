//! The five imports lua.wasm needs (`env.js_ext_table_*`), over a [`TableStore`], plus the
//! host services of the channel table (docs/ABI.md, "Host services").
//!
//! Every pointer and length comes from the guest and is checked against its memory before
//! use; a bad one traps the call with a message (the guest is then broken and discarded),
//! and never panics the host.
//!
//! What one call makes the host keep is bounded too, since a script can produce data far
//! faster than a deadline can stop it (about a gigabyte a second of `print` or `_home`
//! writes): the output kept for the call's result ([`MAX_CALL_OUTPUT`]) and the writes
//! held in the call's transaction ([`MAX_CALL_WRITES`]). Past either, the call is
//! stopped like a call past its deadline: a trap, the transaction rolled back, and a
//! fresh instance for the next call.

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use lua_wasm_abi::value::{self, Value};
use lua_wasm_abi::{table_id, well_known_key};
use wasmtime::{Caller, Linker, Memory, StoreContextMut, StoreLimits, TypedFunc, UpdateDeadline};

use crate::error::StoreError;
use crate::store::{TableStore, Transaction};

/// The most output (standard output and warnings) the host keeps for one call's result:
/// 64 MiB. A VM with an output sink hands standard output over as it arrives, and only
/// warnings count.
pub(crate) const MAX_CALL_OUTPUT: usize = 64 * 1024 * 1024;

/// The most one call may write to the table store: 64 MiB of keys and values, each
/// `set` or `delete` counted at least [`WRITE_COST`] (what a store keeps for an entry
/// besides its bytes, roughly).
pub(crate) const MAX_CALL_WRITES: usize = 64 * 1024 * 1024;

/// The least one write counts against [`MAX_CALL_WRITES`].
const WRITE_COST: usize = 64;

/// Where printed output goes as it arrives (see `Vm::set_output`).
pub type OutputSink = Box<dyn FnMut(&[u8]) + Send>;

/// What a VM's wasmtime store holds for the imports.
pub(crate) struct HostState {
    pub tables: Arc<dyn TableStore>,
    /// The transaction of the current call, begun at its first store access.
    pub tx: Option<Box<dyn Transaction>>,
    /// The instruction budget of each call, answered on the channel.
    pub budget: Option<u64>,
    /// Receives standard output as it arrives; without one it is collected in `call`.
    pub sink: Option<OutputSink>,
    pub limits: StoreLimits,
    pub memory: Option<Memory>,
    /// Time spent inside earlier `compute` calls: the VM's processor time for `os.clock`.
    pub busy: Duration,
    /// When the current `compute` call started.
    pub call_started: Option<Instant>,
    /// What the current `compute` call has produced outside the I/O buffer.
    pub call: CallState,
    /// Set while the engine pre-initializes the module (snapshot.rs): the clock reads 0
    /// and there is no entropy, so the image is the same every time.
    pub snapshotting: bool,
    /// How a call past its deadline is stopped (see [`on_deadline`]).
    pub deadline: Deadline,
}

/// How a call past its deadline is stopped: first gracefully, through the module's
/// `interrupt` export (the script fails at its next Lua instruction and the VM stays
/// usable: docs/ABI.md, "Interrupting a call"), then, if the call is still running one
/// grace period later (stuck inside one library function, where Lua's hook cannot
/// reach), by a trap, after which the instance is replaced.
#[derive(Default)]
pub(crate) struct Deadline {
    /// The module's `interrupt` export (absent in modules older than it: they trap).
    pub interrupt: Option<TypedFunc<(), i32>>,
    /// Epoch ticks between the interrupt and the trap.
    pub grace_ticks: u64,
    /// Set when this call was interrupted; cleared when a call starts.
    pub interrupted: bool,
}

/// wasmtime's epoch-deadline callback: the running call has reached its deadline.
pub(crate) fn on_deadline(
    mut store: StoreContextMut<'_, HostState>,
) -> wasmtime::Result<UpdateDeadline> {
    let deadline = &mut store.data_mut().deadline;
    let Some(interrupt) = deadline.interrupt.clone().filter(|_| !deadline.interrupted) else {
        return Ok(UpdateDeadline::Interrupt); // trap: the instance is replaced
    };
    deadline.interrupted = true;
    let grace = deadline.grace_ticks;
    // `interrupt` itself passes epoch checks: move the deadline out of its way first.
    store.set_epoch_deadline(grace);
    match interrupt.call(&mut store, ()) {
        // Stopping: give the script one grace period to reach a Lua instruction.
        Ok(1) => Ok(UpdateDeadline::Continue(grace)),
        // Not inside `compute` (`init`, say), or the call failed: trap.
        _ => Ok(UpdateDeadline::Interrupt),
    }
}

#[derive(Default)]
pub(crate) struct CallState {
    /// Standard output delivered through the channel, in order.
    pub stdout: Vec<u8>,
    /// Standard error (Lua warnings).
    pub stderr: Vec<u8>,
    /// The first store failure of this call: the call's Lua error is caused by it.
    pub store_error: Option<StoreError>,
    /// The kind of error the module reported for this call (lua_wasm_abi::error_kind).
    pub error_kind: Option<String>,
    /// What this call's writes to the table store count against [`MAX_CALL_WRITES`].
    pub written: usize,
}

impl CallState {
    /// Checks that `bytes` more output can be kept for the result; a trap past
    /// [`MAX_CALL_OUTPUT`].
    fn keep_output(&self, bytes: usize) -> Result<(), Trap> {
        let kept = self.stdout.len() + self.stderr.len();
        if kept.saturating_add(bytes) > MAX_CALL_OUTPUT {
            return Err(wasmtime::Error::msg(format!(
                "the call printed more than {} MiB, which the host keeps in memory until the \
                 call returns; print less, or give the VM an output sink (Vm::set_output) that \
                 takes output as it arrives",
                MAX_CALL_OUTPUT >> 20
            )));
        }
        Ok(())
    }

    /// Counts one write of `bytes` to the store; a trap past [`MAX_CALL_WRITES`].
    fn count_write(&mut self, bytes: usize) -> Result<(), Trap> {
        self.written = self.written.saturating_add(bytes.max(WRITE_COST));
        if self.written > MAX_CALL_WRITES {
            return Err(wasmtime::Error::msg(format!(
                "the call wrote more than {} MiB to the table store, which one call's \
                 transaction holds until the call returns; write less per call",
                MAX_CALL_WRITES >> 20
            )));
        }
        Ok(())
    }
}

impl HostState {
    /// The state of a VM's store: calls go to `tables`, output to `sink` (or the result).
    pub fn new(
        tables: Arc<dyn TableStore>,
        budget: Option<u64>,
        sink: Option<OutputSink>,
        limits: StoreLimits,
    ) -> HostState {
        HostState {
            tables,
            tx: None,
            budget,
            sink,
            limits,
            memory: None,
            busy: Duration::ZERO,
            call_started: None,
            call: CallState::default(),
            snapshotting: false,
            deadline: Deadline::default(),
        }
    }

    /// The state of the store in which the engine pre-initializes the module.
    pub fn for_snapshot() -> HostState {
        HostState {
            snapshotting: true,
            ..HostState::new(
                Arc::new(crate::store::MemoryStore::new()),
                None,
                None,
                StoreLimits::default(),
            )
        }
    }

    /// The current call's transaction, begun on first use.
    fn tx(&mut self) -> Result<&mut dyn Transaction, StoreError> {
        if self.tx.is_none() {
            self.tx = Some(self.tables.begin()?);
        }
        Ok(self.tx.as_mut().expect("just begun").as_mut())
    }

    /// Delivers standard output to the sink, or keeps it for the call's result.
    pub(crate) fn stdout(&mut self, bytes: &[u8]) {
        match &mut self.sink {
            Some(sink) => sink(bytes),
            None => self.call.stdout.extend_from_slice(bytes),
        }
    }
}

type Trap = wasmtime::Error;

fn out_of_bounds(what: &str, ptr: u32, len: u32) -> Trap {
    wasmtime::Error::msg(format!(
        "lua.wasm passed an out-of-bounds {what} (pointer {ptr:#x}, length {len}) to the host"
    ))
}

/// The guest's memory, borrowed from the caller.
fn memory(caller: &Caller<'_, HostState>) -> Result<Memory, Trap> {
    caller
        .data()
        .memory
        .ok_or_else(|| wasmtime::Error::msg("lua.wasm has no exported memory"))
}

/// Copies `len` bytes at `ptr` out of guest memory.
fn read(caller: &Caller<'_, HostState>, what: &str, ptr: u32, len: u32) -> Result<Vec<u8>, Trap> {
    let data = memory(caller)?.data(caller);
    let start = ptr as usize;
    let end = start
        .checked_add(len as usize)
        .ok_or_else(|| out_of_bounds(what, ptr, len))?;
    data.get(start..end)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| out_of_bounds(what, ptr, len))
}

/// Writes `bytes` at `ptr`, which the guest said holds `capacity` bytes.
fn write(
    caller: &mut Caller<'_, HostState>,
    what: &str,
    ptr: u32,
    capacity: u32,
    bytes: &[u8],
) -> Result<(), Trap> {
    let mem = memory(caller)?;
    let start = ptr as usize;
    let end = start
        .checked_add(bytes.len())
        .filter(|_| bytes.len() <= capacity as usize);
    let end = end.ok_or_else(|| out_of_bounds(what, ptr, capacity))?;
    let dest = mem
        .data_mut(caller)
        .get_mut(start..end)
        .ok_or_else(|| out_of_bounds(what, ptr, capacity))?;
    dest.copy_from_slice(bytes);
    Ok(())
}

fn length_answer(len: usize) -> i32 {
    i32::try_from(len).unwrap_or(i32::MAX)
}

/// Records a store failure for the call and answers -1 (the guest raises a Lua error).
fn store_failed(caller: &mut Caller<'_, HostState>, e: StoreError) -> i32 {
    caller.data_mut().call.store_error.get_or_insert(e);
    -1
}

pub(crate) fn define(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(
        "env",
        "js_ext_table_set",
        |mut caller: Caller<'_, HostState>,
         table: u32,
         kp: u32,
         kl: u32,
         vp: u32,
         vl: u32|
         -> Result<i32, Trap> {
            let key = read(&caller, "key", kp, kl)?;
            let value = read(&caller, "value", vp, vl)?;
            if table == table_id::CHANNEL {
                let state = caller.data_mut();
                match key.as_slice() {
                    k if k == well_known_key::STDOUT.as_bytes() => {
                        if state.sink.is_none() {
                            state.call.keep_output(value.len())?;
                        }
                        state.stdout(&value)
                    }
                    k if k == well_known_key::STDERR.as_bytes() => {
                        state.call.keep_output(value.len())?;
                        state.call.stderr.extend_from_slice(&value)
                    }
                    k if k == well_known_key::ERROR_KIND.as_bytes() => {
                        state.call.error_kind = Some(String::from_utf8_lossy(&value).into_owned())
                    }
                    _ => return Ok(-1),
                }
                return Ok(0);
            }
            caller
                .data_mut()
                .call
                .count_write(key.len() + value.len())?;
            let result = caller
                .data_mut()
                .tx()
                .and_then(|tx| tx.set(table, &key, &value));
            Ok(match result {
                Ok(()) => 0,
                Err(e) => store_failed(&mut caller, e),
            })
        },
    )?;
    linker.func_wrap(
        "env",
        "js_ext_table_get",
        |mut caller: Caller<'_, HostState>,
         table: u32,
         kp: u32,
         kl: u32,
         vp: u32,
         max: u32|
         -> Result<i32, Trap> {
            let key = read(&caller, "key", kp, kl)?;
            let found = if table == table_id::CHANNEL {
                service(caller.data(), &key)
            } else {
                match caller.data_mut().tx().and_then(|tx| tx.get(table, &key)) {
                    Ok(v) => v,
                    Err(e) => return Ok(store_failed(&mut caller, e)),
                }
            };
            let Some(v) = found else { return Ok(-1) };
            if v.len() <= max as usize {
                write(&mut caller, "value buffer", vp, max, &v)?;
            }
            // The value's length: greater than 'max' asks the guest for a larger buffer.
            Ok(length_answer(v.len()))
        },
    )?;
    linker.func_wrap(
        "env",
        "js_ext_table_delete",
        |mut caller: Caller<'_, HostState>, table: u32, kp: u32, kl: u32| -> Result<i32, Trap> {
            let key = read(&caller, "key", kp, kl)?;
            caller.data_mut().call.count_write(key.len())?;
            Ok(
                match caller.data_mut().tx().and_then(|tx| tx.delete(table, &key)) {
                    Ok(()) => 0,
                    Err(e) => store_failed(&mut caller, e),
                },
            )
        },
    )?;
    linker.func_wrap(
        "env",
        "js_ext_table_size",
        |mut caller: Caller<'_, HostState>, table: u32| -> i32 {
            match caller.data_mut().tx().and_then(|tx| tx.len(table)) {
                Ok(n) => length_answer(n),
                Err(e) => store_failed(&mut caller, e),
            }
        },
    )?;
    linker.func_wrap(
        "env",
        "js_ext_table_keys",
        |mut caller: Caller<'_, HostState>, table: u32, bp: u32, max: u32| -> Result<i32, Trap> {
            let keys = match caller.data_mut().tx().and_then(|tx| tx.keys(table)) {
                Ok(k) => k,
                Err(e) => return Ok(store_failed(&mut caller, e)),
            };
            let list = keys.join(&b'\n');
            if list.len() <= max as usize {
                write(&mut caller, "key buffer", bp, max, &list)?;
            }
            Ok(length_answer(list.len()))
        },
    )?;
    Ok(())
}

/// Answers the channel's `get` requests: the clock, the budget, entropy.
fn service(state: &HostState, key: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(9);
    if state.snapshotting {
        // A reproducible image: time and clock read 0, as for a host without them.
        return None;
    }
    if key == well_known_key::ENTROPY.as_bytes() {
        value::encode(&Value::String(entropy().to_vec()), &mut out);
        return Some(out);
    }
    if key == well_known_key::STREAM.as_bytes() {
        value::encode(&Value::Boolean(state.sink.is_some()), &mut out);
        return Some(out);
    }
    if key == well_known_key::BUDGET.as_bytes() {
        let budget = i64::try_from(state.budget?).unwrap_or(i64::MAX);
        value::encode(&Value::Integer(budget), &mut out);
        return Some(out);
    }
    let seconds = match key {
        k if k == well_known_key::TIME.as_bytes() => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0),
        k if k == well_known_key::CLOCK.as_bytes() => {
            (state.busy + state.call_started.map_or(Duration::ZERO, |t| t.elapsed())).as_secs_f64()
        }
        _ => return None,
    };
    value::encode(&Value::Float(seconds), &mut out);
    Some(out)
}

/// 16 unpredictable bytes for `math.random`'s seed: the standard library's hash keys,
/// which come from the operating system's random source, over a counter and the time.
fn entropy() -> [u8; 16] {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut bytes = [0u8; 16];
    for half in bytes.chunks_mut(8) {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_u128(now);
        half.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    bytes
}
