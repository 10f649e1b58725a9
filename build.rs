//! Generates one test per Lua program of the differential corpus (`tests/lua/**/*.lua`),
//! so each program passes or fails under its own name (see tests/differential.rs).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let corpus = root.join("tests/lua");
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut files = Vec::new();
    collect(&corpus, &mut files);
    files.sort();
    let mut out = String::new();
    for file in &files {
        let rel = file.strip_prefix(&corpus).unwrap();
        let name: String = rel
            .with_extension("")
            .to_string_lossy()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        writeln!(
            out,
            "#[test]\nfn {name}() {{\n    check_program({:?});\n}}\n",
            rel.to_string_lossy()
        )
        .unwrap();
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("lua_corpus.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "lua") {
            println!("cargo:rerun-if-changed={}", path.display());
            files.push(path);
        }
    }
}
