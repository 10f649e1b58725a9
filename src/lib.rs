//! lua-wasm: a sandboxed, persistent Lua 5.4 runtime compiled to WebAssembly.
//!
//! This crate is the front door: it re-exports the host library ([`lua_wasm_host`]), which
//! runs `lua.wasm` under wasmtime. See README.md for the product, docs/ABI.md for the
//! module's interface, and ARCHITECTURE.md for how the pieces fit.

pub use lua_wasm_host::*;
