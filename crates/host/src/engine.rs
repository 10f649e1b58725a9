//! The [`Engine`]: lua.wasm compiled once, shared by every VM and thread.
//!
//! Two things make a new VM cheap. The module is pre-initialized (snapshot.rs): `init` ran
//! once, here, and every instance starts from that memory image. And instances come from
//! wasmtime's pooling allocator, which keeps memory slots mapped between VMs instead of
//! mapping and unmapping 4 GiB reservations each time. The pool has a fixed number of
//! slots ([`EngineOptions::pooled_vms`]); VMs beyond it get memory the ordinary way from a
//! second wasmtime engine, compiled when first needed, so the pool's size is never a limit
//! on the number of VMs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use wasmtime::{
    Cache, Config, Instance, InstanceAllocationStrategy, InstancePre, Linker, Module,
    PoolConcurrencyLimitError, PoolingAllocationConfig, Store,
};

use crate::error::{Error, Result};
use crate::imports::{self, HostState};
use crate::snapshot;

/// lua.wasm, as built from this repository (`cargo xtask build` writes the same file to
/// `web/lua.wasm`).
pub const LUA_WASM: &[u8] = include_bytes!(env!("LUA_WASM_PATH"));

/// How often the engine's clock advances for deadlines: a VM's timeout is honoured to
/// within about this much.
pub(crate) const TICK: Duration = Duration::from_millis(5);

/// Default number of pooled VM slots (see [`EngineOptions::pooled_vms`]).
pub const DEFAULT_POOLED_VMS: u32 = 256;

/// Bytes at the start of a pooled VM's memory kept resident between VMs: the shadow
/// stack, static data and the heap of a fresh Lua state (about 450 KiB) fit.
const KEEP_RESIDENT: usize = 512 * 1024;

/// How an [`Engine`] is set up.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct EngineOptions {
    /// How many VMs may live at once in the engine's pool of ready memory slots, where
    /// creating one takes microseconds. Each slot reserves (but does not use) about
    /// 8 GiB of address space; 0 turns the pool off. VMs beyond the pool still work:
    /// they are created the ordinary way, several times slower.
    pub pooled_vms: u32,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            pooled_vms: DEFAULT_POOLED_VMS,
        }
    }
}

impl EngineOptions {
    /// These options with another pool size.
    pub fn pooled_vms(mut self, slots: u32) -> Self {
        self.pooled_vms = slots;
        self
    }
}

/// lua.wasm compiled for this machine, plus what instantiating it needs. Cheap to clone
/// (clones share everything) and safe to share between threads; create VMs from it with
/// [`Vm::new`](crate::Vm::new).
///
/// Compiling takes a moment; the compiled code is cached on disk (wasmtime's cache,
/// under `~/.cache/wasmtime` by default), so later processes start fast.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: Arc<EngineInner>,
}

pub(crate) struct EngineInner {
    /// Instances from the pool of memory slots; `None` when the pool is off.
    pooled: Option<Flavor>,
    /// Instances with memory of their own: when there is no pool or it is full.
    on_demand: OnceLock<std::result::Result<Flavor, String>>,
    /// The module the flavors compile (pre-initialized when possible).
    module_bytes: Vec<u8>,
    /// Why the module could not be pre-initialized, if it could not (snapshot.rs).
    not_preinitialized: Option<String>,
    ticker: Arc<Ticker>,
}

/// One wasmtime engine with lua.wasm compiled and linked for it.
struct Flavor {
    engine: wasmtime::Engine,
    instance_pre: InstancePre<HostState>,
}

impl Drop for EngineInner {
    fn drop(&mut self) {
        self.ticker.stop.store(true, Ordering::Relaxed);
    }
}

impl Engine {
    /// Compiles the embedded lua.wasm (or loads it from the disk cache) and
    /// pre-initializes it: one Lua state is created now, and every VM starts from a
    /// copy-on-write image of it.
    ///
    /// ```
    /// let engine = lua_wasm_host::Engine::new()?;
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn new() -> Result<Engine> {
        Engine::with_options(LUA_WASM, EngineOptions::default())
    }

    /// Compiles another build of lua.wasm (it must follow docs/ABI.md).
    pub fn from_module_bytes(wasm: &[u8]) -> Result<Engine> {
        Engine::with_options(wasm, EngineOptions::default())
    }

    /// Compiles `wasm` (a build of lua.wasm, e.g. [`LUA_WASM`]) with `options`.
    pub fn with_options(wasm: &[u8], options: EngineOptions) -> Result<Engine> {
        // A pool that cannot be reserved (a small address-space limit, ...) is only slower.
        let pooled = (options.pooled_vms > 0)
            .then(|| wasmtime_engine(Some(options.pooled_vms)).ok())
            .flatten();
        let primary = match &pooled {
            Some(engine) => engine.clone(),
            None => wasmtime_engine(None).map_err(Error::Module)?,
        };
        // Checked first, so that a module that is not lua.wasm at all gets its own error.
        Module::validate(&primary, wasm)
            .map_err(|e| Error::Module(format!("cannot compile lua.wasm: {e:#}")))?;
        let linker = linker(&primary).map_err(|e| Error::Module(format!("{e:#}")))?;
        let ticker = Ticker::start(primary.clone())?;
        let (bytes, not_preinitialized) = snapshot::module_bytes(&primary, &linker, wasm);
        let primary = Flavor::new(primary, &bytes).map_err(Error::Module)?;
        let (pooled, on_demand) = match pooled {
            Some(_) => (Some(primary), OnceLock::new()),
            None => (None, OnceLock::from(Ok(primary))),
        };
        Ok(Engine {
            inner: Arc::new(EngineInner {
                pooled,
                on_demand,
                module_bytes: bytes.into_owned(),
                not_preinitialized: not_preinitialized.map(|d| d.0),
                ticker,
            }),
        })
    }

    /// Whether VMs start from a pre-initialized memory image (`init` done once, when
    /// the engine was made) — the fast path — or run `init` each. `Err` says why the
    /// module could not be pre-initialized; VMs work either way.
    pub fn preinitialized(&self) -> std::result::Result<(), &str> {
        match &self.inner.not_preinitialized {
            None => Ok(()),
            Some(why) => Err(why),
        }
    }

    /// The wasmtime engine underneath (the pool's, when there is a pool).
    pub fn wasmtime_engine(&self) -> &wasmtime::Engine {
        match (&self.inner.pooled, self.inner.on_demand.get()) {
            (Some(flavor), _) | (None, Some(Ok(flavor))) => &flavor.engine,
            (None, _) => unreachable!("an engine without a pool has its on-demand flavor"),
        }
    }
}

impl EngineInner {
    /// A new instance of the module in a store holding `state`: from the pool when it
    /// has a free slot, otherwise with memory of its own.
    pub(crate) fn instantiate(&self, state: HostState) -> Result<(Store<HostState>, Instance)> {
        let module_error = |e: wasmtime::Error| Error::Module(format!("{e:#}"));
        let mut state = state;
        if let Some(pooled) = &self.pooled {
            let mut store = pooled.store(state);
            match pooled.instance_pre.instantiate(&mut store) {
                Ok(instance) => return Ok((store, instance)),
                Err(e) if e.downcast_ref::<PoolConcurrencyLimitError>().is_some() => {
                    state = store.into_data();
                }
                Err(e) => return Err(module_error(e)),
            }
        }
        let flavor = self.on_demand()?;
        let mut store = flavor.store(state);
        let instance = flavor
            .instance_pre
            .instantiate(&mut store)
            .map_err(module_error)?;
        Ok((store, instance))
    }

    /// The on-demand flavor, compiled on first use.
    fn on_demand(&self) -> Result<&Flavor> {
        let flavor = self.on_demand.get_or_init(|| {
            let flavor = Flavor::new(wasmtime_engine(None)?, &self.module_bytes)?;
            self.ticker.add(flavor.engine.clone());
            Ok(flavor)
        });
        flavor.as_ref().map_err(|why| Error::Module(why.clone()))
    }
}

impl Flavor {
    fn new(engine: wasmtime::Engine, wasm: &[u8]) -> std::result::Result<Flavor, String> {
        let module =
            Module::new(&engine, wasm).map_err(|e| format!("cannot compile lua.wasm: {e:#}"))?;
        let instance_pre = linker(&engine)
            .and_then(|l| l.instantiate_pre(&module))
            .map_err(|e| format!("{e:#}"))?;
        Ok(Flavor {
            engine,
            instance_pre,
        })
    }

    /// A store for one instance, with the VM's limits and deadline mechanism.
    fn store(&self, state: HostState) -> Store<HostState> {
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limits);
        store.epoch_deadline_trap();
        store
    }
}

/// A wasmtime engine configured for lua.wasm, pooling `pooled_vms` instances if given.
fn wasmtime_engine(pooled_vms: Option<u32>) -> std::result::Result<wasmtime::Engine, String> {
    let mut config = Config::new();
    // Lua errors are C longjmps, which lua.wasm implements with wasm exceptions.
    config.wasm_exceptions(true);
    // Deadlines: the ticker thread below advances the epoch every TICK.
    config.epoch_interruption(true);
    // For profiling the guest with `perf` (docs/PERFORMANCE.md): wasmtime writes
    // /tmp/perf-<pid>.map, naming each compiled function (from the module's name section:
    // use lua.names.wasm, which `cargo xtask build` leaves beside lua.wasm).
    if std::env::var_os("LUA_WASM_PERFMAP").is_some() {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    // A cache that cannot be set up (no home directory, ...) only costs compile time.
    if let Ok(cache) = Cache::from_file(None) {
        config.cache(Some(cache));
    }
    if let Some(slots) = pooled_vms {
        let mut pool = PoolingAllocationConfig::new();
        // One instance, memory, table and GC heap (exceptions live there) per VM.
        pool.total_core_instances(slots)
            .total_memories(slots)
            .total_tables(slots)
            .total_gc_heaps(slots);
        // A slot given back is reset by rewriting its dirty pages in place (from the
        // image) rather than unmapping them, so the next VM does not take a page fault
        // on every page it touches: its first call measured 70-120 µs without this and
        // 15-30 µs with it. The price: up to this much stays resident per idle slot.
        pool.linear_memory_keep_resident(KEEP_RESIDENT);
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    }
    wasmtime::Engine::new(&config).map_err(|e| format!("{e:#}"))
}

fn linker(engine: &wasmtime::Engine) -> wasmtime::Result<Linker<HostState>> {
    let mut linker = Linker::new(engine);
    imports::define(&mut linker)?;
    Ok(linker)
}

/// The thread that advances the engines' epochs every TICK, until the Engine is dropped.
struct Ticker {
    engines: Mutex<Vec<wasmtime::Engine>>,
    stop: AtomicBool,
}

impl Ticker {
    fn start(engine: wasmtime::Engine) -> Result<Arc<Ticker>> {
        let ticker = Arc::new(Ticker {
            engines: Mutex::new(vec![engine]),
            stop: AtomicBool::new(false),
        });
        let running = ticker.clone();
        std::thread::Builder::new()
            .name("lua-wasm-epoch".into())
            .spawn(move || {
                while !running.stop.load(Ordering::Relaxed) {
                    std::thread::sleep(TICK);
                    let engines = running.engines.lock().unwrap_or_else(|e| e.into_inner());
                    engines.iter().for_each(wasmtime::Engine::increment_epoch);
                }
            })
            .map_err(|e| Error::Module(format!("cannot start the deadline thread: {e}")))?;
        Ok(ticker)
    }

    fn add(&self, engine: wasmtime::Engine) {
        let mut engines = self.engines.lock().unwrap_or_else(|e| e.into_inner());
        engines.push(engine);
    }
}
