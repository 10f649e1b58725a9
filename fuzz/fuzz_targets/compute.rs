//! Lua source bytes into `compute`: see `check_compute` (fuzz/src/checks.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lua_wasm_fuzz::{checks, engine, signal};

fuzz_target!(|source: &[u8]| {
    signal::mark(checks::check_compute(engine(), source));
});
