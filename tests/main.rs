//! The lua-wasm test suite, one binary. Each module is one area of behaviour:
//!
//! - `module_shape`: what lua.wasm imports and exports, and its memory.
//! - `seeds`: the seed examples give the values and byte sizes the seeds document.
//! - `abi`: the raw ABI through a bare, seed-style host: buffer protocol, bad inputs.
//! - `abi_cases`: the shared ABI cases of tests/abi-cases/ (code in, bytes out), which the JS and Python hosts run too.
//! - `atomic`: a call's `_home` writes commit together or not at all; no lost updates.
//! - `errors`: Lua errors behave as in native Lua, and the VM survives every one.
//! - `home`: `_home` persists across calls and instances; nested tables; keys of all types.
//! - `output`: `print` capture, including more output than the buffer holds.
//! - `differential`: programs in tests/lua/ run natively (mlua) and in lua.wasm, compared.
//! - `deliberate_differences`: what lua.wasm does instead where it differs from native Lua on purpose.
//! - `engine`: pre-initialized VMs (one image, own random seeds), the pool of VM slots and beyond.
//! - `load`: seconds of many VMs on several threads (examples/load.rs): no lost update, flat memory.
//! - `limits`: instruction budget, deadline, memory cap, and recovery from each.
//! - `hostile_guest`: a module that abuses the imports gets errors from the host, never a panic.
//! - `fuzz_regressions`: the fuzz targets' checks on their committed seeds and on every input that once failed.
//! - `hostile_scripts`: Lua written to exhaust or break the VM ends in a clean error; the VM goes on.
//! - `typed`: the serde API (`eval`, `call`, `set_global`, `global`).
//! - `property`: generated expressions agree natively and in lua.wasm.
//! - `vendored_lua`: lua-src/ is Lua 5.4.9, unmodified.
//! - `bench_programs`: the bench's Lua programs return the same checksum natively and in lua.wasm.
//! - `cli`: the `lua-wasm` command behaves like `lua`: -e, scripts, the REPL, errors, limits, `--home`.

mod support;

mod abi;
mod abi_cases;
mod atomic;
mod bench_programs;
mod cli;
mod deliberate_differences;
mod differential;
mod engine;
mod errors;
mod fuzz_regressions;
mod home;
mod hostile_guest;
mod hostile_scripts;
mod interrupts;
mod limits;
mod load;
mod module_shape;
mod output;
mod property;
mod seeds;
mod typed;
mod vendored_lua;
