//! "start-up [..]": a state ready to run code. Natively `luaL_newstate` and the libraries
//! lua.wasm has (native.rs); in lua.wasm `Vm::new`: a wasmtime store, the instance (from
//! the engine's pool of slots), and the Lua state with its libraries and `_home`.
//!
//! "fresh VM" times making one state, then drops it with the clock stopped, one at a
//! time, as a server that makes a VM per request does (so a pool slot given back is
//! reused); the clock's own cost is subtracted (cpu_time::overhead). "fresh VM and drop"
//! times the whole life of an unused state.

use std::sync::Arc;
use std::time::Duration;

use criterion::Criterion;
use lua_wasm::{Engine, MemoryStore, TableStore, Vm};

use crate::cpu_time::{self, ThreadCpuTime};
use crate::native;

pub fn bench(c: &mut Criterion<ThreadCpuTime>, engine: &Engine) {
    let store: Arc<dyn TableStore> = Arc::new(MemoryStore::new());
    let mut group = c.benchmark_group("start-up [fresh VM]");
    group.bench_function("native", |b| {
        b.iter_custom(|n| time_making(n, native::State::new))
    });
    group.bench_function("wasm", |b| {
        b.iter_custom(|n| time_making(n, || Vm::new(engine, store.clone()).expect("a VM starts")))
    });
    group.finish();

    let mut group = c.benchmark_group("start-up [fresh VM and drop]");
    group.bench_function("native", |b| b.iter(|| drop(native::State::new())));
    group.bench_function("wasm", |b| {
        b.iter(|| drop(Vm::new(engine, store.clone()).expect("a VM starts")))
    });
    group.finish();
}

/// CPU time spent making `n` values with `make`, one at a time, not counting dropping them.
fn time_making<T>(n: u64, mut make: impl FnMut() -> T) -> Duration {
    let overhead = cpu_time::overhead();
    let mut total = Duration::ZERO;
    for _ in 0..n {
        let start = cpu_time::now();
        let made = make();
        total += cpu_time::now()
            .saturating_sub(start)
            .saturating_sub(overhead);
        drop(made);
    }
    total
}
