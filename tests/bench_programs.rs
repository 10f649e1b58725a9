//! The benchmark programs (`benches/programs/*.lua`) are correct: each returns the same
//! checksum natively and in lua.wasm, within lua.wasm's default 2 MB of memory. The bench
//! checks this too before timing anything; this test lets CI check it without timing.

use std::path::{Path, PathBuf};

use lua_wasm::Value;
use mlua::Lua;

use crate::support::{eval, vm};

/// Every program of the bench, sorted by name.
fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "lua"))
        .collect();
    files.sort();
    files
}

/// The checksum as text: programs return one integer or one string. The chunk is named
/// as lua.wasm names it (its first 120 bytes), so error messages carrying a position agree.
fn native_checksum(code: &str) -> String {
    let lua = Lua::new();
    let name: String = code.chars().take(120).collect();
    let value: mlua::Value = lua
        .load(code)
        .set_name(name)
        .eval()
        .unwrap_or_else(|e| panic!("{e}"));
    match value {
        mlua::Value::Integer(i) => i.to_string(),
        mlua::Value::String(s) => s.to_string_lossy(),
        other => panic!("a checksum is an integer or a string, not {other:?}"),
    }
}

fn wasm_checksum(code: &str) -> String {
    let values = eval(&mut vm(), code).values;
    match values.as_slice() {
        [Value::Integer(i)] => i.to_string(),
        [Value::String(s)] => String::from_utf8_lossy(s).into_owned(),
        other => panic!("a checksum is an integer or a string, not {other:?}"),
    }
}

#[test]
fn every_bench_program_returns_the_same_checksum_natively_and_in_lua_wasm() {
    let programs = programs();
    assert!(
        programs.len() >= 14,
        "expected the 14 bench programs, found {programs:?}"
    );
    let mut differences = String::new();
    for path in &programs {
        let code = std::fs::read_to_string(path).unwrap();
        let (native, wasm) = (native_checksum(&code), wasm_checksum(&code));
        if native != wasm {
            differences.push_str(&format!(
                "{}:\n  native:   {native}\n  lua.wasm: {wasm}\n",
                path.display()
            ));
        }
    }
    assert!(differences.is_empty(), "checksums differ:\n{differences}");
}
