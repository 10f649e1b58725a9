//! Native Lua 5.4 (mlua, vendored) against lua.wasm (lua-wasm-host), side by side in one
//! run: the figures that matter are the ratios. Names read "area [case]".
//!
//! Run with `cargo xtask bench` (or `cargo bench --bench lua_vs_native`).

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use lua_wasm::{Engine, MemoryStore, Vm};
use mlua::Lua;

/// Each program defines `run()`, which returns an integer checksum both sides must agree on.
const PROGRAMS: &[(&str, &str)] = &[
    ("fib", "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
             function run() return fib(20) end"),
    ("pcall [error]", "function run() local n = 0
             for i = 1, 1000 do if not pcall(error, 'x') then n = n + 1 end end return n end"),
    ("string [format]", "function run() local t = {}
             for i = 1, 1000 do t[#t + 1] = string.format('%d:%.3f', i, i / 7) end return #table.concat(t) end"),
];

fn native(c: &mut Criterion) {
    let engine = Engine::new().expect("lua.wasm compiles");
    for (name, setup) in PROGRAMS {
        let lua = Lua::new();
        lua.load(*setup).exec().unwrap();
        let run: mlua::Function = lua.globals().get("run").unwrap();
        let native_sum: i64 = run.call(()).unwrap();

        let mut vm = Vm::new(&engine, Arc::new(MemoryStore::new())).unwrap();
        vm.run(setup).unwrap();
        let wasm_sum: i64 = vm.eval("return run()").unwrap();
        assert_eq!(native_sum, wasm_sum, "{name}: the two sides disagree");

        let mut group = c.benchmark_group(*name);
        group.bench_function("native", |b| {
            b.iter(|| run.call::<mlua::Value>(()).unwrap())
        });
        group.bench_function("wasm", |b| b.iter(|| vm.run("return run()").unwrap()));
        group.finish();
    }
}

criterion_group!(benches, native);
criterion_main!(benches);
