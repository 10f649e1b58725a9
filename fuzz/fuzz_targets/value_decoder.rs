//! Bytes into the value and key decoders: see `check_value_decoder` (fuzz/src/checks.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lua_wasm_fuzz::checks;

fuzz_target!(|bytes: &[u8]| checks::check_value_decoder(bytes));
