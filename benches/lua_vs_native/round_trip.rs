//! "round trip [..]": one chunk from the host into Lua and back. Natively the chunk is
//! loaded and called through the C API (`luaL_loadbufferx` + `lua_pcall` under a message
//! handler); in lua.wasm it goes through `compute` (the only entry point), so calling an
//! already defined function also compiles a small chunk, on both sides.

use criterion::Criterion;
use lua_wasm::{Engine, RawOutcome};
use mlua::ffi::LUA_OK;

use crate::cpu_time::ThreadCpuTime;
use crate::native::{self, Chunk, Outcome};
use crate::{check_same, vm, wasm_outcome};

pub fn bench(c: &mut Criterion<ThreadCpuTime>, engine: &Engine) {
    let mut state = native::State::new();
    let mut vm = vm(engine);
    let define = "function add(a, b) return a + b end";
    check_same(
        define,
        &state.outcome(&Chunk::new(define)),
        &wasm_outcome(&mut vm, define),
    );

    // The lowest level on both sides: the host's compute_raw (bytes in, bytes out).
    let one = Chunk::new("return 1");
    check_same(
        "return 1",
        &state.outcome(&one),
        &wasm_outcome(&mut vm, "return 1"),
    );
    let mut group = c.benchmark_group("round trip [return 1]");
    group.bench_function("native", |b| b.iter(|| assert_eq!(state.run(&one), LUA_OK)));
    group.bench_function("wasm", |b| {
        b.iter(|| match vm.compute_raw(b"return 1") {
            Ok(RawOutcome::Result(bytes)) => bytes,
            other => panic!("return 1 gave {other:?}"),
        })
    });
    group.finish();

    // The typed API's call (arguments as Lua literals, result through serde), against
    // loading and calling the chunk it sends.
    let call = Chunk::new("return add(1, 2)");
    check_same(
        "add(1, 2)",
        &state.outcome(&call),
        &Outcome::Value(vm.call::<_, i64>("add", (1, 2)).unwrap().to_string()),
    );
    let mut group = c.benchmark_group("round trip [call add(1, 2)]");
    group.bench_function("native", |b| {
        b.iter(|| assert_eq!(state.run(&call), LUA_OK))
    });
    group.bench_function("wasm", |b| {
        b.iter(|| vm.call::<_, i64>("add", (1, 2)).expect("add runs"))
    });
    group.finish();

    // An error thrown by the chunk and caught by the host, with its traceback.
    let code = "error('boom')";
    let fails = Chunk::new(code);
    match (state.outcome(&fails), wasm_outcome(&mut vm, code)) {
        (Outcome::Error(a), Outcome::Error(b)) if a.lines().next() == b.lines().next() => {}
        (a, b) => panic!("{code}: the two sides disagree\n  native:   {a:?}\n  lua.wasm: {b:?}"),
    }
    let mut group = c.benchmark_group("round trip [error]");
    group.bench_function("native", |b| {
        b.iter(|| assert_ne!(state.run(&fails), LUA_OK))
    });
    group.bench_function("wasm", |b| {
        b.iter(|| match vm.compute_raw(code.as_bytes()) {
            Ok(RawOutcome::Error(bytes)) => bytes,
            other => panic!("{code} gave {other:?}"),
        })
    });
    group.finish();
}
