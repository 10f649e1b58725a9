//! The [`Engine`]: lua.wasm compiled once, shared by every VM and thread.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use wasmtime::{Cache, Config, Linker, Module};

use crate::error::{Error, Result};
use crate::imports::{self, HostState};

/// lua.wasm, as built from this repository (`cargo xtask build` writes the same file to
/// `web/lua.wasm`).
pub const LUA_WASM: &[u8] = include_bytes!(env!("LUA_WASM_PATH"));

/// How often the engine's clock advances for deadlines: a VM's timeout is honoured to
/// within about this much.
pub(crate) const TICK: Duration = Duration::from_millis(5);

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
    pub engine: wasmtime::Engine,
    pub module: Module,
    pub linker: Linker<HostState>,
    stop_ticker: Arc<AtomicBool>,
}

impl Drop for EngineInner {
    fn drop(&mut self) {
        self.stop_ticker.store(true, Ordering::Relaxed);
    }
}

impl Engine {
    /// Compiles the embedded lua.wasm (or loads it from the disk cache).
    ///
    /// ```
    /// let engine = lua_wasm_host::Engine::new()?;
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn new() -> Result<Engine> {
        Engine::from_module_bytes(LUA_WASM)
    }

    /// Compiles another build of lua.wasm (it must follow docs/ABI.md).
    pub fn from_module_bytes(wasm: &[u8]) -> Result<Engine> {
        let module_error = |e: wasmtime::Error| Error::Module(format!("{e:#}"));
        let mut config = Config::new();
        // Lua errors are C longjmps, which lua.wasm implements with wasm exceptions.
        config.wasm_exceptions(true);
        // Deadlines: the ticker thread below advances the epoch every TICK.
        config.epoch_interruption(true);
        // A cache that cannot be set up (no home directory, ...) only costs compile time.
        if let Ok(cache) = Cache::from_file(None) {
            config.cache(Some(cache));
        }
        let engine = wasmtime::Engine::new(&config).map_err(module_error)?;
        let module = Module::new(&engine, wasm)
            .map_err(|e| Error::Module(format!("cannot compile lua.wasm: {e:#}")))?;
        let mut linker = Linker::new(&engine);
        imports::define(&mut linker).map_err(module_error)?;
        let stop_ticker = Arc::new(AtomicBool::new(false));
        spawn_ticker(engine.clone(), stop_ticker.clone())
            .map_err(|e| Error::Module(format!("cannot start the deadline thread: {e}")))?;
        Ok(Engine {
            inner: Arc::new(EngineInner {
                engine,
                module,
                linker,
                stop_ticker,
            }),
        })
    }

    /// The wasmtime engine underneath.
    pub fn wasmtime_engine(&self) -> &wasmtime::Engine {
        &self.inner.engine
    }
}

/// Advances the engine's epoch every TICK until the Engine is dropped.
fn spawn_ticker(engine: wasmtime::Engine, stop: Arc<AtomicBool>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("lua-wasm-epoch".into())
        .spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(TICK);
                engine.increment_epoch();
            }
        })
        .map(drop)
}
