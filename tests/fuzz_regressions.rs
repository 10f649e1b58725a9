//! The fuzz targets' checks (fuzz/src/checks.rs, compiled here too) on every committed
//! input: the seeds each target starts from (`fuzz/seeds/<target>/`) and every input that
//! ever failed (`fuzz/regressions/<target>/`, named after what it found). So what
//! `cargo xtask fuzz` once found stays fixed without libFuzzer or a nightly compiler.

use std::path::PathBuf;

use crate::support::engine;

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)] // entries/input_of serve the fuzz crate's seeds
mod checks;

/// The committed inputs of `target`: its seeds and its regressions, with their names.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs = Vec::new();
    for kind in ["seeds", "regressions"] {
        let dir = fuzz.join(kind).join(target);
        if !dir.exists() {
            continue; // a target that never failed has no regressions
        }
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            inputs.push((path, bytes));
        }
    }
    assert!(!inputs.is_empty(), "no inputs for {target}");
    inputs.sort();
    inputs
}

/// Runs `check` on each input, naming the input when it fails.
fn check_each(target: &str, check: impl Fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        if let Err(panic) = outcome {
            eprintln!("{target}: {} failed", path.display());
            std::panic::resume_unwind(panic);
        }
    }
}

#[test]
fn lua_sources_end_in_results_or_lua_errors_and_the_vm_goes_on() {
    check_each("compute", |source| {
        checks::check_compute(engine(), source);
    });
}

#[test]
fn the_value_and_key_decoders_refuse_or_round_trip_every_input() {
    check_each("value_decoder", checks::check_value_decoder);
}

#[test]
fn stored_bytes_read_through_home_give_values_or_lua_errors() {
    check_each("home_values", |input| {
        checks::check_home_values(engine(), input);
    });
}

#[test]
fn the_checks_themselves_catch_what_they_are_for() {
    // A check that passed everything would make the tests above vacuous.
    let canonical = std::panic::catch_unwind(|| checks::check_value_decoder(b"\x01i42"));
    assert!(canonical.is_ok());
    let entries = checks::entries(&checks::input_of(&[checks::Entry {
        table: 1,
        key: b"k".to_vec(),
        value: b"\x02\x01\0\0\0\0\0\0\0".to_vec(),
    }]));
    assert_eq!(entries.len(), 1);
    let outcomes = checks::check_home_values(engine(), &checks::input_of(&entries));
    assert_eq!(
        outcomes[3],
        checks::Outcome::Result {
            output: 0,
            tags: vec![0, 0, 0, 0, 0]
        },
        "_home[1], .a, [true], [1.5], [''] are absent"
    );
    assert_eq!(
        checks::check_compute(engine(), b"return 1, 'x'"),
        checks::Outcome::Result {
            output: 0,
            tags: vec![2, 4]
        }
    );
    assert!(matches!(
        checks::check_compute(engine(), b"error('boom')"),
        checks::Outcome::LuaError(m) if m == "boom"
    ));
}

#[test]
fn a_stored_key_in_another_spelling_of_a_key_is_reported_not_misread() {
    // Found by value_decoder (fuzz/regressions/value_decoder/float_key_without_exponent):
    // `\x01f9` used to read as the float 9, which Lua makes the integer key 9, stored as
    // `\x01i9`: pairs showed a key that reading through it could not reach.
    use lua_wasm::{MemoryStore, TableStoreExt, Vm};
    let store = std::sync::Arc::new(MemoryStore::new());
    store.set(1, b"\x01f9", b"\x02\x01\0\0\0\0\0\0\0").unwrap();
    let mut vm = Vm::new(engine(), store).unwrap();
    let e = vm.run("for k, v in pairs(_home) do end").unwrap_err();
    let message = e.lua_message().unwrap_or_default();
    assert!(
        message.contains("external table 1 holds a malformed key (key '\\x01f9')"),
        "{message}"
    );
}
