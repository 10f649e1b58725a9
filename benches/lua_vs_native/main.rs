//! Native Lua 5.4.9 against lua.wasm under the host library, side by side in one run: the
//! figures that matter are the ratios (this machine is shared and noisy). Every group is
//! named "area [case]" and has two functions, `native` and `wasm`:
//!
//! - `program [..]`: the Lua programs in benches/programs/ (programs.rs);
//! - `start-up [..]`: a fresh state ready to run code (start_up.rs);
//! - `round trip [..]`: one chunk from the host and back (round_trip.rs);
//! - `_home [..]`: reads and writes through the table stores (home.rs).
//!
//! Before timing, each case checks that both sides compute the same thing; a mismatch
//! aborts the bench showing both. Native Lua runs through its C API (native.rs); lua.wasm
//! runs under `Vm` with its default options (2 MB of memory, instruction budget,
//! deadline), as a user gets it. Figures are the CPU time of the benchmarking thread
//! (cpu_time.rs), except where a disk is involved (SQLite), which are wall-clock.
//!
//! Run with `cargo xtask bench` (which prints the table of ratios and writes
//! docs/PERFORMANCE.md), or `cargo bench --bench lua_vs_native -- [filter]`.

mod cpu_time;
mod home;
mod native;
mod programs;
mod round_trip;
mod start_up;

use std::path::PathBuf;
use std::sync::Arc;

use criterion::Criterion;
use lua_wasm::{Engine, MemoryStore, TableStore, Value, Vm};

use native::Outcome;

fn main() {
    let engine = Engine::new().expect("lua.wasm compiles");
    record_module();
    let mut cpu = Criterion::default()
        .with_measurement(cpu_time::ThreadCpuTime)
        .configure_from_args();
    let mut wall = Criterion::default().configure_from_args();
    programs::bench(&mut cpu, &engine);
    start_up::bench(&mut cpu, &engine);
    round_trip::bench(&mut cpu, &engine);
    home::bench(&mut cpu, &mut wall, &engine);
    cpu.final_summary();
}

/// Leaves a copy of the lua.wasm this run measured next to criterion's results, so that
/// `cargo xtask bench` reports the size of exactly that module.
fn record_module() {
    let dir = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|t| PathBuf::from(t).join("criterion"))
        })
        .unwrap_or_else(|| PathBuf::from("target/criterion"));
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("lua.wasm"), lua_wasm::LUA_WASM));
    if let Err(e) = written {
        eprintln!("cannot record lua.wasm in {}: {e}", dir.display());
    }
}

/// A VM with the default options over `store`.
fn vm_over(engine: &Engine, store: Arc<dyn TableStore>) -> Vm {
    Vm::new(engine, store).expect("a VM starts")
}

/// A VM with the default options over a fresh in-memory store.
fn vm(engine: &Engine) -> Vm {
    vm_over(engine, Arc::new(MemoryStore::new()))
}

/// Runs `code` in `vm` and describes the outcome as native.rs does.
fn wasm_outcome(vm: &mut Vm, code: &str) -> Outcome {
    match vm.run(code) {
        Ok(done) => Outcome::Value(match done.values.first() {
            None => String::new(),
            Some(Value::Integer(i)) => i.to_string(),
            Some(Value::String(s)) => String::from_utf8_lossy(s).into_owned(),
            Some(other) => format!("[{other:?}]"),
        }),
        Err(e) => Outcome::Error(e.lua_message().unwrap_or_else(|| e.to_string())),
    }
}

/// Aborts the bench, showing both sides, unless they returned the same value.
fn check_same(case: &str, native: &Outcome, wasm: &Outcome) {
    let same = match (native, wasm) {
        (Outcome::Value(a), Outcome::Value(b)) => a == b,
        _ => false,
    };
    if !same {
        panic!("{case}: the two sides disagree, nothing timed\n  native:   {native:?}\n  lua.wasm: {wasm:?}");
    }
}
