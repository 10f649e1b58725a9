//! The fuzz targets' shared code: what each target checks (`checks`, also compiled into
//! the normal test suite) and the coverage features libFuzzer gets from outcomes
//! (`signal`).

pub mod checks;
pub mod signal;

use std::sync::OnceLock;

use lua_wasm_host::Engine;

/// The embedded lua.wasm, compiled once per fuzzing process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("lua.wasm compiles"))
}
