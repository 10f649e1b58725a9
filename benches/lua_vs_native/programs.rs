//! "program [name]": each Lua program in benches/programs/ (one chunk that does its work
//! and returns a checksum), compiled and run once per iteration on both sides.

use std::path::Path;

use criterion::{Criterion, SamplingMode};
use lua_wasm::Engine;

use crate::cpu_time::ThreadCpuTime;
use crate::native::{self, Chunk};
use crate::{check_same, vm, wasm_outcome};

/// The programs, by file name without `.lua`, sorted.
pub fn programs() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut programs: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "lua"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let code = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, code)
        })
        .collect();
    programs.sort();
    programs
}

pub fn bench(c: &mut Criterion<ThreadCpuTime>, engine: &Engine) {
    for (name, code) in programs() {
        let case = format!("program [{name}]");
        let chunk = Chunk::new(&code);
        let mut state = native::State::new();
        let mut vm = vm(engine);
        check_same(&case, &state.outcome(&chunk), &wasm_outcome(&mut vm, &code));

        let mut group = c.benchmark_group(&case);
        // Each run takes milliseconds: fewer samples, each of the same few iterations.
        group.sample_size(20).sampling_mode(SamplingMode::Flat);
        group.bench_function("native", |b| {
            b.iter(|| assert_eq!(state.run(&chunk), mlua::ffi::LUA_OK))
        });
        group.bench_function("wasm", |b| {
            b.iter(|| vm.run(&code).expect("the program runs"))
        });
        group.finish();
    }
}
