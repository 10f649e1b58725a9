//! Run Lua 5.4 sandboxed in lua.wasm, under wasmtime, with persistent external tables.
//!
//! ```no_run
//! use std::sync::Arc;
//! use lua_wasm_host::{Engine, MemoryStore, Vm};
//!
//! let engine = Engine::new()?;
//! let mut vm = Vm::new(&engine, Arc::new(MemoryStore::new()))?;
//! let out = vm.run("_home.n = (_home.n or 0) + 1; print('hi'); return _home.n")?;
//! assert_eq!(out.output, b"hi\n");
//! # Ok::<(), lua_wasm_host::Error>(())
//! ```

#![warn(missing_docs)]

mod engine;
mod error;
mod imports;
mod snapshot;
mod store;
mod typed;
mod vm;

pub use engine::{Engine, EngineOptions, DEFAULT_POOLED_VMS, LUA_WASM};
pub use error::{Error, Result, StoreError};
pub use lua_wasm_abi::value::Value;
pub use store::{
    MemoryStore, SqliteOptions, SqliteStore, Synchronous, TableStore, TableStoreExt, Transaction,
};
pub use vm::{
    Evaluated, MemoryStats, RawOutcome, Vm, VmOptions, DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEOUT,
    TIMEOUT_GRACE,
};
pub mod lua_literal;
pub mod serde_value;

pub use serde_value::{from_value, to_value, ConvertError};
