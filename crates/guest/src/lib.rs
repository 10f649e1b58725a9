//! lua.wasm: Lua 5.4 compiled to `wasm32-unknown-unknown`, with our freestanding libc layer
//! and the exports of the ABI (`docs/ABI.md`).
//!
//! On any other target this crate only compiles its target-independent parts (the libc
//! number formatting and parsing), so that they can be tested natively against glibc.
#![cfg_attr(target_arch = "wasm32", no_std)]

pub mod libc;
