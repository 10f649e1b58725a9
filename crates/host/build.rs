//! Makes lua.wasm available for this crate to embed (`LUA_WASM_PATH`), in this order:
//! 1. `LUA_WASM_MODULE=/path/to/lua.wasm`: that file;
//! 2. when the guest toolchain is installed (`cargo xtask setup`): a fresh build from
//!    crates/guest (see crates/builder), so the module always matches the sources;
//! 3. otherwise the module published in the repository, `web/lua.wasm` (written by
//!    `cargo xtask build`), so a program depending on this crate needs nothing but cargo.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=LUA_WASM_MODULE");
    println!("cargo:rerun-if-env-changed=CC_wasm32_unknown_unknown");
    if let Ok(prebuilt) = env::var("LUA_WASM_MODULE") {
        println!("cargo:rerun-if-changed={prebuilt}");
        println!("cargo:rustc-env=LUA_WASM_PATH={prebuilt}");
        return;
    }
    for input in lua_wasm_builder::inputs() {
        println!("cargo:rerun-if-changed={}", input.display());
    }
    let published = lua_wasm_builder::workspace_root().join("web/lua.wasm");
    if !toolchain_installed() && published.exists() {
        println!("cargo:rerun-if-changed={}", published.display());
        println!(
            "cargo:warning=embedding the published web/lua.wasm: the guest toolchain is not installed \
             (run `cargo xtask setup` to build lua.wasm from source)"
        );
        println!("cargo:rustc-env=LUA_WASM_PATH={}", published.display());
        return;
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    match lua_wasm_builder::build(&out_dir) {
        Ok(built) => println!("cargo:rustc-env=LUA_WASM_PATH={}", built.module.display()),
        Err(e) => {
            eprintln!("cannot build lua.wasm:\n{e}");
            std::process::exit(1);
        }
    }
}

/// True when the tools the guest build needs answer.
fn toolchain_installed() -> bool {
    let clang = env::var("CC_wasm32_unknown_unknown").unwrap_or_else(|_| "clang-19".into());
    let answers = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    answers(&clang)
        && Path::new(&lua_wasm_builder::workspace_root().join("node_modules/binaryen")).exists()
}
