//! A [`Vm`]: one Lua state in its own lua.wasm instance, over a table store.

use std::sync::Arc;
use std::time::{Duration, Instant};

use lua_wasm_abi::value::{self, Value};
use lua_wasm_abi::{BUFFER_SIZE, MEMORY_STATS_SIZE, PAGE_SIZE};
use wasmtime::{Memory, Store, StoreLimitsBuilder, Trap, TypedFunc};

use crate::engine::{Engine, TICK};
use crate::error::{Error, Result};
use crate::imports::{CallState, HostState, OutputSink};
use crate::store::TableStore;

/// Default cap on the module's linear memory: the 2 MB it starts with.
pub const DEFAULT_MEMORY_LIMIT: usize = 2 * 1024 * 1024;

/// Default deadline of one call.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long after its deadline a call that the guest could not stop gracefully (it is
/// inside one library function) is trapped, at most: see [`VmOptions::timeout`].
pub const TIMEOUT_GRACE: Duration = Duration::from_millis(100);

/// The epoch deadline meaning "none": far away, yet safe to add to the current epoch
/// (wasmtime adds the two, and `u64::MAX` would overflow).
const NO_DEADLINE: u64 = u64::MAX / 4;

/// How a [`Vm`] is set up. The defaults are safe for untrusted code: 2 MB of memory and
/// a 10-second deadline per call, after which the script is stopped at its next Lua
/// instruction (the VM goes on). No instruction budget by default: it costs speed, and
/// the deadline already bounds every call; set one where a limit must not depend on the
/// machine's speed or load.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct VmOptions {
    /// The most linear memory the module may have, in bytes (rounded down to 64 KiB
    /// pages). lua.wasm starts with 2 MB and grows when its heap is full; past this
    /// limit Lua gets "not enough memory". Values below 2 MB leave no room to start.
    pub memory_limit: usize,
    /// The most Lua VM instructions one call may execute (`None`, the default: no
    /// limit). Enforced inside the guest by a count hook: the call ends with
    /// [`Error::BudgetExhausted`] and the VM stays as it was. Unlike the deadline, the
    /// same script is stopped at the same instruction on any machine under any load.
    /// The hook makes plain Lua code about a third slower; with `None` there is no hook.
    pub instruction_budget: Option<u64>,
    /// The longest one call may run, in wall-clock time (`None`: no limit). When it
    /// passes, wasmtime (epoch interruption) has the guest stop the script at its next
    /// Lua instruction: the call ends with [`Error::Timeout`] and the VM stays as it was
    /// before the call, like after any Lua error. A script stuck inside one library
    /// function (a huge `string.rep`, a slow pattern match) is stopped one grace period
    /// later ([`TIMEOUT_GRACE`]) wherever it is, and the VM's
    /// instance is then replaced by a fresh one ([`Error::Timeout`] says which).
    pub timeout: Option<Duration>,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions {
            memory_limit: DEFAULT_MEMORY_LIMIT,
            instruction_budget: None,
            timeout: Some(DEFAULT_TIMEOUT),
        }
    }
}

impl VmOptions {
    /// These options with another memory limit.
    pub fn memory_limit(mut self, bytes: usize) -> Self {
        self.memory_limit = bytes;
        self
    }

    /// These options with another instruction budget per call.
    pub fn instruction_budget(mut self, instructions: Option<u64>) -> Self {
        self.instruction_budget = instructions;
        self
    }

    /// These options with another deadline per call.
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = timeout;
        self
    }
}

/// What one `compute` call left in the I/O buffer, decoded only as far as the ABI goes.
#[derive(Debug, Clone, PartialEq)]
pub enum RawOutcome {
    /// `compute` returned 0: no output and no values.
    Nothing,
    /// `compute` returned n > 0: the n bytes of the result.
    Result(Vec<u8>),
    /// `compute` returned -(n + 1): the n-byte error message.
    Error(Vec<u8>),
}

/// The outcome of a successful chunk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluated {
    /// Everything the chunk printed, in order (empty when an output sink is set).
    pub output: Vec<u8>,
    /// Everything it wrote to standard error (Lua warnings).
    pub stderr: Vec<u8>,
    /// The values it returned.
    pub values: Vec<Value>,
}

/// Memory figures of a VM, from `get_memory_stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryStats {
    /// Size of the I/O buffer (65536).
    pub io_buffer_size: u32,
    /// Bytes the Lua state has allocated.
    pub lua_memory_used: u32,
    /// Pages of linear memory (64 KiB each).
    pub wasm_pages: u32,
}

impl MemoryStats {
    /// Total linear memory in bytes.
    pub fn total_memory(&self) -> u64 {
        self.wasm_pages as u64 * PAGE_SIZE as u64
    }
}

/// One Lua VM in its own lua.wasm instance.
///
/// Globals persist from call to call; `_home` persists in the table store, across VMs.
pub struct Vm {
    engine: Engine,
    tables: Arc<dyn TableStore>,
    options: VmOptions,
    /// The running instance; `None` after a trap, until the next call makes a new one.
    live: Option<Live>,
    /// Output sink, kept here while no instance holds it.
    sink: Option<OutputSink>,
    /// Output of the last call not yet taken (see `take_channel_output`).
    leftover: CallState,
}

struct Live {
    store: Store<HostState>,
    memory: Memory,
    compute: TypedFunc<(i32, i32), i32>,
    get_memory_stats: TypedFunc<i32, ()>,
    run_gc: TypedFunc<(), i32>,
    buffer_ptr: u32,
}

impl Vm {
    /// Instantiates lua.wasm over `tables` with the default options.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use lua_wasm_host::{Engine, MemoryStore, Vm};
    ///
    /// let engine = Engine::new()?;
    /// let mut vm = Vm::new(&engine, Arc::new(MemoryStore::new()))?;
    /// assert_eq!(vm.run("return 6 * 7")?.values, vec![lua_wasm_host::Value::Integer(42)]);
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn new(engine: &Engine, tables: Arc<dyn TableStore>) -> Result<Vm> {
        Vm::with_options(engine, tables, VmOptions::default())
    }

    /// Instantiates lua.wasm over `tables` with `options`.
    pub fn with_options(
        engine: &Engine,
        tables: Arc<dyn TableStore>,
        options: VmOptions,
    ) -> Result<Vm> {
        let mut vm = Vm {
            engine: engine.clone(),
            tables,
            options,
            live: None,
            sink: None,
            leftover: CallState::default(),
        };
        vm.live()?;
        Ok(vm)
    }

    /// The options this VM runs with.
    pub fn options(&self) -> &VmOptions {
        &self.options
    }

    /// Changes the instruction budget of the calls from now on (`None`: no limit). A
    /// host may, say, run its own setup code without a limit and then hold user code to
    /// one; coroutines made earlier are held to it too.
    ///
    /// A budget costs speed: the guest counts instructions with a Lua count hook, which
    /// makes plain Lua code about 40% slower; calls without a budget run without it.
    pub fn set_instruction_budget(&mut self, instructions: Option<u64>) {
        self.options.instruction_budget = instructions;
    }

    /// Changes the deadline of the calls from now on (`None`: no deadline), as
    /// [`VmOptions::timeout`] sets it at the start.
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.options.timeout = timeout;
    }

    /// Sends printed output to `sink` as it arrives (while the script runs), instead of
    /// collecting it in [`Evaluated::output`].
    pub fn set_output(&mut self, sink: impl FnMut(&[u8]) + Send + 'static) {
        let sink: OutputSink = Box::new(sink);
        match &mut self.live {
            Some(live) => live.store.data_mut().sink = Some(sink),
            None => self.sink = Some(sink),
        }
    }

    /// The running instance, making a fresh one if there is none.
    fn live(&mut self) -> Result<&mut Live> {
        if self.live.is_none() {
            let sink = self.sink.take().or_else(|| None);
            self.live = Some(Live::new(
                &self.engine,
                self.tables.clone(),
                &self.options,
                sink,
            )?);
        }
        Ok(self.live.as_mut().expect("just made"))
    }

    /// Runs `code` and returns what `compute` left in the I/O buffer, undecoded. Output
    /// delivered outside the buffer during the call is kept for
    /// [`take_channel_output`](Vm::take_channel_output). The call's table-store writes are
    /// committed when it succeeds and rolled back when it fails.
    pub fn compute_raw(&mut self, code: &[u8]) -> Result<RawOutcome> {
        if code.len() > BUFFER_SIZE {
            return Err(Error::CodeTooLarge {
                len: code.len(),
                max: BUFFER_SIZE,
            });
        }
        let timeout = self.options.timeout;
        let budget = self.options.instruction_budget;
        let live = self.live()?;
        let start = live.buffer_ptr as usize;
        live.memory.data_mut(&mut live.store)[start..start + code.len()].copy_from_slice(code);
        {
            let state = live.store.data_mut();
            state.call = CallState::default();
            state.budget = budget;
            state.call_started = Some(Instant::now());
            state.deadline.interrupted = false;
            state.deadline.grace_ticks = grace_ticks();
        }
        live.store.set_epoch_deadline(deadline_ticks(timeout));
        let status = live
            .compute
            .call(&mut live.store, (live.buffer_ptr as i32, code.len() as i32));
        let state = live.store.data_mut();
        if let Some(t) = state.call_started.take() {
            state.busy += t.elapsed();
        }
        let tx = state.tx.take();
        let status = match status {
            Ok(status) => status,
            Err(e) => {
                drop(tx); // roll back
                self.leftover =
                    std::mem::take(&mut self.live.as_mut().expect("live").store.data_mut().call);
                return Err(self.discard_instance(e));
            }
        };
        let outcome = match decode_status(live, status) {
            Ok(outcome) => outcome,
            Err(e) => {
                drop(tx);
                self.live = None;
                return Err(e);
            }
        };
        let state = live.store.data_mut();
        match (&outcome, tx) {
            (RawOutcome::Error(_), tx) => drop(tx), // roll back
            (_, Some(tx)) => {
                if let Err(e) = tx.commit() {
                    state.call.store_error.get_or_insert(e.clone());
                    self.leftover = std::mem::take(&mut state.call);
                    return Err(Error::Store(e));
                }
            }
            (_, None) => {}
        }
        self.leftover = std::mem::take(&mut state.call);
        Ok(outcome)
    }

    /// After a trap: forget the instance (the next call makes a fresh one) and say why.
    fn discard_instance(&mut self, e: wasmtime::Error) -> Error {
        let live = self.live.take();
        self.sink = live.and_then(|mut l| l.store.data_mut().sink.take());
        match e.downcast_ref::<Trap>() {
            Some(Trap::Interrupt) => Error::Timeout {
                after: self.options.timeout.unwrap_or_default(),
                vm_reset: true,
            },
            _ => Error::Module(format!("{e:#}")),
        }
    }

    /// Runs a chunk of Lua and returns its output and values.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use lua_wasm_host::{Engine, MemoryStore, Vm, Value};
    /// # let mut vm = Vm::new(&Engine::new()?, Arc::new(MemoryStore::new()))?;
    /// let out = vm.run("print('hello') return 1, 'two'")?;
    /// assert_eq!(out.output, b"hello\n");
    /// assert_eq!(out.values, vec![Value::Integer(1), Value::String(b"two".to_vec())]);
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn run(&mut self, code: &str) -> Result<Evaluated> {
        let raw = self.compute_raw(code.as_bytes())?;
        let call = std::mem::take(&mut self.leftover);
        let mut evaluated = Evaluated {
            output: call.stdout,
            stderr: call.stderr,
            values: Vec::new(),
        };
        match raw {
            RawOutcome::Nothing => {}
            RawOutcome::Result(bytes) => {
                let out_len = lua_wasm_abi::output_len(&bytes).unwrap_or(usize::MAX);
                let values_at = out_len.checked_add(4).filter(|&v| v <= bytes.len());
                let values_at = values_at
                    .ok_or_else(|| Error::Module("result shorter than its output length".into()))?;
                let printed = &bytes[4..values_at];
                match &mut self
                    .live
                    .as_mut()
                    .and_then(|l| l.store.data_mut().sink.as_mut())
                {
                    Some(sink) => sink(printed),
                    None => evaluated.output.extend_from_slice(printed),
                }
                evaluated.values = value::decode_all(&bytes[values_at..])
                    .map_err(|e| Error::Module(format!("undecodable result: {e}")))?;
            }
            RawOutcome::Error(bytes) => {
                // Output printed before the error stays available (take_channel_output).
                self.leftover.stdout = evaluated.output;
                self.leftover.stderr = evaluated.stderr;
                if let Some(e) = call.store_error {
                    return Err(Error::Store(e));
                }
                let message = String::from_utf8_lossy(&bytes).into_owned();
                return Err(Error::from_guest(
                    call.error_kind.as_deref(),
                    message,
                    &self.options,
                ));
            }
        }
        Ok(evaluated)
    }

    /// Output that the last call delivered outside the I/O buffer and that no result
    /// took: after `compute_raw`, or after a call that failed.
    pub fn take_channel_output(&mut self) -> (Vec<u8>, Vec<u8>) {
        let call = std::mem::take(&mut self.leftover);
        (call.stdout, call.stderr)
    }

    /// The module's memory figures.
    pub fn memory_stats(&mut self) -> Result<MemoryStats> {
        let live = self.live()?;
        live.store.set_epoch_deadline(NO_DEADLINE);
        let ptr = live.buffer_ptr;
        live.get_memory_stats
            .call(&mut live.store, ptr as i32)
            .map_err(|e| Error::Module(format!("{e:#}")))?;
        let bytes = &live.memory.data(&live.store)[ptr as usize..ptr as usize + MEMORY_STATS_SIZE];
        let word = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
        Ok(MemoryStats {
            io_buffer_size: word(0),
            lua_memory_used: word(4),
            wasm_pages: word(8),
        })
    }

    /// Runs a full garbage collection; returns the bytes it freed.
    ///
    /// Finalizers (`__gc`) run now, and what they write to `_home` is committed as one
    /// call of its own, so the store is not held until this VM's next call.
    pub fn collect_garbage(&mut self) -> Result<usize> {
        let timeout = self.options.timeout;
        let live = self.live()?;
        // Finalizers are the script's code: held to the deadline like a call (they are
        // trapped there, not interrupted: `interrupt` acts only inside `compute`).
        live.store.data_mut().deadline.interrupted = false;
        live.store.set_epoch_deadline(deadline_ticks(timeout));
        let freed = live.run_gc.call(&mut live.store, ());
        let state = live.store.data_mut();
        let tx = state.tx.take();
        // Output of finalizers (warnings, prints) is kept for take_channel_output.
        self.leftover = std::mem::take(&mut state.call);
        match freed {
            Ok(freed) => {
                if let Some(tx) = tx {
                    tx.commit().map_err(Error::Store)?;
                }
                Ok(freed.max(0) as usize)
            }
            Err(e) => {
                drop(tx); // roll back
                Err(self.discard_instance(e))
            }
        }
    }

    /// The buffer's address in guest memory (`get_buffer_ptr()`).
    pub fn buffer_ptr(&mut self) -> Result<u32> {
        Ok(self.live()?.buffer_ptr)
    }
}

/// The epoch deadline, in ticks from now, of a call with this timeout.
fn deadline_ticks(timeout: Option<Duration>) -> u64 {
    timeout.map_or(NO_DEADLINE, |t| {
        (t.as_nanos() / TICK.as_nanos()).min(NO_DEADLINE as u128) as u64 + 1
    })
}

/// The grace period, in ticks, between a call's graceful interrupt and its trap.
///
/// The same for every timeout: the script normally stops within microseconds of the
/// interrupt, but on a loaded machine its thread may wait for a core longer than a short
/// timeout, and a grace that short would trap (and reset) VMs that were stopping.
fn grace_ticks() -> u64 {
    (TIMEOUT_GRACE.as_nanos() / TICK.as_nanos()) as u64 + 1
}

/// Turns `compute`'s status into what the buffer holds, checking it against the ABI.
fn decode_status(live: &mut Live, status: i32) -> Result<RawOutcome> {
    let (len, is_error) = match status {
        0 => return Ok(RawOutcome::Nothing),
        n if n > 0 => (n as usize, false),
        n => ((-(n as i64) - 1) as usize, true),
    };
    if len > BUFFER_SIZE {
        return Err(Error::Module(format!(
            "compute() returned {status}, more than the buffer holds"
        )));
    }
    let start = live.buffer_ptr as usize;
    let bytes = live.memory.data(&live.store)[start..start + len].to_vec();
    Ok(if is_error {
        RawOutcome::Error(bytes)
    } else {
        RawOutcome::Result(bytes)
    })
}

impl Live {
    fn new(
        engine: &Engine,
        tables: Arc<dyn TableStore>,
        options: &VmOptions,
        sink: Option<OutputSink>,
    ) -> Result<Live> {
        let limits = StoreLimitsBuilder::new()
            .memory_size(options.memory_limit)
            .instances(1)
            .build();
        let state = HostState::new(tables, options.instruction_budget, sink, limits);
        let (mut store, instance) = engine.inner.instantiate(state)?;
        store.set_epoch_deadline(NO_DEADLINE);
        let module_error = |e: wasmtime::Error| Error::Module(format!("{e:#}"));
        let memory = instance
            .get_memory(&mut store, "memory")
            .ok_or_else(|| Error::Module("lua.wasm exports no memory".into()))?;
        store.data_mut().memory = Some(memory);
        let init = instance
            .get_typed_func::<(), i32>(&mut store, "init")
            .map_err(module_error)?;
        let get_buffer_ptr = instance
            .get_typed_func::<(), i32>(&mut store, "get_buffer_ptr")
            .map_err(module_error)?;
        let compute = instance
            .get_typed_func(&mut store, "compute")
            .map_err(module_error)?;
        let get_memory_stats = instance
            .get_typed_func(&mut store, "get_memory_stats")
            .map_err(module_error)?;
        let run_gc = instance
            .get_typed_func(&mut store, "run_gc")
            .map_err(module_error)?;
        // Optional: a module without it is trapped at the deadline.
        store.data_mut().deadline.interrupt = instance
            .get_typed_func::<(), i32>(&mut store, "interrupt")
            .ok();
        store.epoch_deadline_callback(crate::imports::on_deadline);
        // `init` is held to the VM's deadline like a call (a module that never returns
        // from it ends in Error::Timeout, not a hung Vm::new).
        store.set_epoch_deadline(deadline_ticks(options.timeout));
        let ready = init
            .call(&mut store, ())
            .map_err(|e| match e.downcast_ref::<Trap>() {
                Some(Trap::Interrupt) => Error::Timeout {
                    after: options.timeout.unwrap_or_default(),
                    vm_reset: true,
                },
                _ => module_error(e),
            })?;
        store.set_epoch_deadline(NO_DEADLINE);
        if ready != 0 {
            return Err(Error::Module(
                "init() failed: not enough memory for a Lua state".into(),
            ));
        }
        // init may have touched the store (it asks for the time): nothing to keep.
        store.data_mut().tx = None;
        let buffer_ptr = get_buffer_ptr.call(&mut store, ()).map_err(module_error)? as u32;
        let in_bounds = (buffer_ptr as usize)
            .checked_add(BUFFER_SIZE)
            .is_some_and(|end| end <= memory.data_size(&store));
        if !in_bounds {
            return Err(Error::Module(format!(
                "get_buffer_ptr() returned {buffer_ptr:#x}, outside memory"
            )));
        }
        Ok(Live {
            store,
            memory,
            compute,
            get_memory_stats,
            run_gc,
            buffer_ptr,
        })
    }
}
