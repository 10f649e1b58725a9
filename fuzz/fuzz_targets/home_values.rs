//! Bytes stored as `_home`'s keys and values, read back by Lua: see `check_home_values`
//! (fuzz/src/checks.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lua_wasm_fuzz::{checks, engine, signal};

fuzz_target!(|input: &[u8]| {
    for (i, outcome) in checks::check_home_values(engine(), input)
        .into_iter()
        .enumerate()
    {
        signal::mark((i, outcome));
    }
});
