//! Builds lua.wasm (see crates/builder) so that this crate can embed it.
//! `LUA_WASM_MODULE=/path/to/lua.wasm` embeds a prebuilt module instead.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=LUA_WASM_MODULE");
    if let Ok(prebuilt) = env::var("LUA_WASM_MODULE") {
        println!("cargo:rerun-if-changed={prebuilt}");
        println!("cargo:rustc-env=LUA_WASM_PATH={prebuilt}");
        return;
    }
    for input in lua_wasm_builder::inputs() {
        println!("cargo:rerun-if-changed={}", input.display());
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
