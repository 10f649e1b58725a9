//! "_home [..]": reads and writes through `_home`, in lua.wasm over each table store
//! (the in-memory store in CPU time; SQLite, which waits for its disk, in wall-clock time).
//! The cases that do many operations in one call report a time per operation (criterion's
//! throughput, which `cargo xtask bench` turns into operations per second). `_home` has no
//! native counterpart: the native column runs the same code over a plain Lua table, for
//! scale only.

use std::sync::Arc;

use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput};
use lua_wasm::{Engine, MemoryStore, SqliteStore, TableStore};
use mlua::ffi::LUA_OK;

use crate::cpu_time::ThreadCpuTime;
use crate::native::{self, Chunk};
use crate::{check_same, vm_over, wasm_outcome};

/// Operations per call in the read and write cases.
const OPS: u64 = 1000;

const FILL: &str = "for i = 1, 1000 do _home[i] = i end";
const READ: &str = "local h, s = _home, 0 for i = 1, 1000 do s = s + h[i] end return s";
const WRITE: &str = "local h = _home for i = 1, 1000 do h[i] = i end";
/// One committed transaction per call.
const WRITE_PER_CALL: &str = "_home.n = (_home.n or 0) + 1";

pub fn bench(cpu: &mut Criterion<ThreadCpuTime>, wall: &mut Criterion, engine: &Engine) {
    cases(cpu, engine, "MemoryStore", Arc::new(MemoryStore::new()));
    let dir = tempfile::tempdir().expect("a temporary directory");
    let sqlite = SqliteStore::open(dir.path().join("home.db")).expect("the SQLite store opens");
    cases(wall, engine, "SqliteStore", Arc::new(sqlite));
}

/// The three cases over one store.
fn cases<M: Measurement>(
    c: &mut Criterion<M>,
    engine: &Engine,
    store_name: &str,
    store: Arc<dyn TableStore>,
) {
    let mut state = native::State::new();
    let mut vm = vm_over(engine, store);
    for code in ["_home = {}", FILL] {
        assert_eq!(state.run(&Chunk::new(code)), LUA_OK);
    }
    vm.run(FILL).expect("_home fills");
    check_same(
        READ,
        &state.outcome(&Chunk::new(READ)),
        &wasm_outcome(&mut vm, READ),
    );

    let cases = [
        ("read", READ, OPS),
        ("write", WRITE, OPS),
        ("write per call", WRITE_PER_CALL, 1),
    ];
    for (op, code, ops) in cases {
        let chunk = Chunk::new(code);
        let mut group = c.benchmark_group(format!("_home [{op}, {store_name}]"));
        group.throughput(Throughput::Elements(ops));
        group.bench_function("native", |b| {
            b.iter(|| assert_eq!(state.run(&chunk), LUA_OK))
        });
        group.bench_function("wasm", |b| b.iter(|| vm.run(code).expect("_home works")));
        group.finish();
    }
}
