//! A [`Vm`]: one instance of lua.wasm with its Lua state, over a table store.

use std::sync::Arc;
use std::time::Instant;

use lua_wasm_abi::value::{self, Value};
use lua_wasm_abi::{BUFFER_SIZE, MEMORY_STATS_SIZE, PAGE_SIZE};
use wasmtime::{Instance, Memory, Store, StoreLimitsBuilder, TypedFunc};

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::imports::{CallState, HostState};
use crate::store::TableStore;

/// Default cap on the module's linear memory: the 2 MB it starts with.
pub const DEFAULT_MEMORY_LIMIT: usize = 2 * 1024 * 1024;

/// How a [`Vm`] is set up.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct VmOptions {
    /// The most linear memory the module may have, in bytes (rounded down to 64 KiB
    /// pages). lua.wasm starts with 2 MB and grows when its heap is full; past this
    /// limit Lua gets "not enough memory". Values below 2 MB leave no room to start.
    pub memory_limit: usize,
}

impl Default for VmOptions {
    fn default() -> Self {
        VmOptions {
            memory_limit: DEFAULT_MEMORY_LIMIT,
        }
    }
}

impl VmOptions {
    /// These options with another memory limit.
    pub fn memory_limit(mut self, bytes: usize) -> Self {
        self.memory_limit = bytes;
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
    /// Everything the chunk printed, in order.
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

struct Exports {
    memory: Memory,
    compute: TypedFunc<(i32, i32), i32>,
    get_memory_stats: TypedFunc<i32, ()>,
    run_gc: TypedFunc<(), i32>,
}

/// One Lua VM in its own lua.wasm instance.
pub struct Vm {
    store: Store<HostState>,
    exports: Exports,
    buffer_ptr: u32,
}

impl Vm {
    /// Instantiates lua.wasm over `tables` with the default options and creates its Lua
    /// state.
    pub fn new(engine: &Engine, tables: Arc<dyn TableStore>) -> Result<Vm> {
        Vm::with_options(engine, tables, VmOptions::default())
    }

    /// Instantiates lua.wasm over `tables` with `options`.
    pub fn with_options(
        engine: &Engine,
        tables: Arc<dyn TableStore>,
        options: VmOptions,
    ) -> Result<Vm> {
        let state = HostState {
            tables,
            limits: StoreLimitsBuilder::new()
                .memory_size(options.memory_limit)
                .instances(1)
                .build(),
            memory: None,
            busy: Default::default(),
            call_started: None,
            call: CallState::default(),
        };
        let mut store = Store::new(&engine.inner.engine, state);
        store.limiter(|s| &mut s.limits);
        let module_error = |e: wasmtime::Error| Error::Module(format!("{e:#}"));
        let instance: Instance = engine
            .inner
            .linker
            .instantiate(&mut store, &engine.inner.module)
            .map_err(module_error)?;
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
        let exports = Exports {
            memory,
            compute: instance
                .get_typed_func(&mut store, "compute")
                .map_err(module_error)?,
            get_memory_stats: instance
                .get_typed_func(&mut store, "get_memory_stats")
                .map_err(module_error)?,
            run_gc: instance
                .get_typed_func(&mut store, "run_gc")
                .map_err(module_error)?,
        };
        if init.call(&mut store, ()).map_err(module_error)? != 0 {
            return Err(Error::Module(
                "init() failed: not enough memory for a Lua state".into(),
            ));
        }
        let buffer_ptr = get_buffer_ptr.call(&mut store, ()).map_err(module_error)? as u32;
        let in_bounds = (buffer_ptr as usize)
            .checked_add(BUFFER_SIZE)
            .is_some_and(|end| end <= memory.data_size(&store));
        if !in_bounds {
            return Err(Error::Module(format!(
                "get_buffer_ptr() returned {buffer_ptr:#x}, outside memory"
            )));
        }
        Ok(Vm {
            store,
            exports,
            buffer_ptr,
        })
    }

    /// Runs `code` and returns what `compute` left in the I/O buffer, undecoded, plus the
    /// call's channel output (in `self.store.data().call`).
    pub fn compute_raw(&mut self, code: &[u8]) -> Result<RawOutcome> {
        if code.len() > BUFFER_SIZE {
            return Err(Error::CodeTooLarge {
                len: code.len(),
                max: BUFFER_SIZE,
            });
        }
        let start = self.buffer_ptr as usize;
        self.exports.memory.data_mut(&mut self.store)[start..start + code.len()]
            .copy_from_slice(code);
        self.store.data_mut().call = CallState::default();
        self.store.data_mut().call_started = Some(Instant::now());
        let status = self
            .exports
            .compute
            .call(&mut self.store, (self.buffer_ptr as i32, code.len() as i32));
        let state = self.store.data_mut();
        if let Some(t) = state.call_started.take() {
            state.busy += t.elapsed();
        }
        let status = status.map_err(|e| Error::Module(format!("{e:#}")))?;
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
        let bytes = self.exports.memory.data(&self.store)[start..start + len].to_vec();
        Ok(if is_error {
            RawOutcome::Error(bytes)
        } else {
            RawOutcome::Result(bytes)
        })
    }

    /// Runs a chunk of Lua and returns its output and values.
    pub fn eval(&mut self, code: &str) -> Result<Evaluated> {
        let raw = self.compute_raw(code.as_bytes())?;
        let call = std::mem::take(&mut self.store.data_mut().call);
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
                evaluated.output.extend_from_slice(&bytes[4..values_at]);
                evaluated.values = value::decode_all(&bytes[values_at..])
                    .map_err(|e| Error::Module(format!("undecodable result: {e}")))?;
            }
            RawOutcome::Error(bytes) => {
                // Output printed before the error stays available (take_channel_output).
                let state = &mut self.store.data_mut().call;
                state.stdout = evaluated.output;
                state.stderr = evaluated.stderr;
                if let Some(e) = call.store_error {
                    return Err(Error::Store(e));
                }
                return Err(Error::Lua {
                    message: String::from_utf8_lossy(&bytes).into_owned(),
                });
            }
        }
        Ok(evaluated)
    }

    /// Output that the last call delivered outside the I/O buffer and that no `eval`
    /// result took: after `compute_raw`, or after an `eval` that failed.
    pub fn take_channel_output(&mut self) -> (Vec<u8>, Vec<u8>) {
        let call = std::mem::take(&mut self.store.data_mut().call);
        (call.stdout, call.stderr)
    }

    /// The module's memory figures.
    pub fn memory_stats(&mut self) -> Result<MemoryStats> {
        let ptr = self.buffer_ptr;
        self.exports
            .get_memory_stats
            .call(&mut self.store, ptr as i32)
            .map_err(|e| Error::Module(format!("{e:#}")))?;
        let bytes =
            &self.exports.memory.data(&self.store)[ptr as usize..ptr as usize + MEMORY_STATS_SIZE];
        let word = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap());
        Ok(MemoryStats {
            io_buffer_size: word(0),
            lua_memory_used: word(4),
            wasm_pages: word(8),
        })
    }

    /// Runs a full garbage collection; returns the bytes it freed.
    pub fn collect_garbage(&mut self) -> Result<usize> {
        let freed = self
            .exports
            .run_gc
            .call(&mut self.store, ())
            .map_err(|e| Error::Module(format!("{e:#}")))?;
        Ok(freed.max(0) as usize)
    }

    /// The buffer's address in guest memory (`get_buffer_ptr()`).
    pub fn buffer_ptr(&self) -> u32 {
        self.buffer_ptr
    }
}
