//! The [`Engine`]: lua.wasm compiled once, shared by every VM (and thread).

use std::sync::Arc;

use wasmtime::{Config, Linker, Module};

use crate::error::{Error, Result};
use crate::imports::{self, HostState};

/// lua.wasm, as built from this repository (`cargo xtask build` writes the same file to
/// `web/lua.wasm`).
pub const LUA_WASM: &[u8] = include_bytes!(env!("LUA_WASM_PATH"));

/// Compiled lua.wasm plus the imports it needs. Cheap to clone; VMs are made from it.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: Arc<EngineInner>,
}

pub(crate) struct EngineInner {
    pub engine: wasmtime::Engine,
    pub module: Module,
    pub linker: Linker<HostState>,
}

impl Engine {
    /// Compiles the embedded lua.wasm.
    pub fn new() -> Result<Engine> {
        Engine::from_module_bytes(LUA_WASM)
    }

    /// Compiles another build of lua.wasm (it must follow docs/ABI.md).
    pub fn from_module_bytes(wasm: &[u8]) -> Result<Engine> {
        let mut config = Config::new();
        // Lua errors are C longjmps, which lua.wasm implements with wasm exceptions.
        config.wasm_exceptions(true);
        let engine = wasmtime::Engine::new(&config).map_err(|e| Error::Module(format!("{e:#}")))?;
        let module = Module::new(&engine, wasm)
            .map_err(|e| Error::Module(format!("cannot compile lua.wasm: {e:#}")))?;
        let mut linker = Linker::new(&engine);
        imports::define(&mut linker).map_err(|e| Error::Module(format!("{e:#}")))?;
        Ok(Engine {
            inner: Arc::new(EngineInner {
                engine,
                module,
                linker,
            }),
        })
    }

    /// The wasmtime engine underneath.
    pub fn wasmtime_engine(&self) -> &wasmtime::Engine {
        &self.inner.engine
    }
}
