//! "start-up [fresh VM]": a state ready to run code. Natively `luaL_newstate` and the
//! libraries lua.wasm has (native.rs); in lua.wasm `Vm::new`: a wasmtime store, the
//! instance, and `init` (the Lua state with its libraries and `_home`). In "fresh VM",
//! tearing down is not timed on either side (states are made in batches and dropped after
//! the clock stops); "fresh VM and drop" times the whole life of an unused state.

use std::sync::Arc;
use std::time::Duration;

use criterion::Criterion;
use lua_wasm::{Engine, MemoryStore, TableStore, Vm};

use crate::cpu_time::{self, ThreadCpuTime};
use crate::native;

/// Most states alive at once (each VM reserves address space for its memory).
const BATCH: u64 = 64;

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

/// CPU time spent making `n` values with `make`, not counting dropping them.
fn time_making<T>(n: u64, mut make: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    let mut made = Vec::with_capacity(BATCH as usize);
    let mut left = n;
    while left > 0 {
        let batch = left.min(BATCH);
        let start = cpu_time::now();
        for _ in 0..batch {
            made.push(make());
        }
        total += cpu_time::now() - start;
        made.clear();
        left -= batch;
    }
    total
}
