//! Shared test helpers: one compiled engine for all tests, VMs over fresh stores, and a
//! bare host (bare_host.rs) that speaks the ABI the way the seed hosts do.

pub mod bare_host;

use std::sync::{Arc, OnceLock};

use lua_wasm::{Engine, Error, Evaluated, MemoryStore, Value, Vm};

/// The embedded lua.wasm, compiled once for the whole test binary.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("lua.wasm compiles"))
}

/// A VM over a fresh in-memory store.
pub fn vm() -> Vm {
    Vm::new(engine(), Arc::new(MemoryStore::new())).expect("a VM starts")
}

/// A VM over `store`.
pub fn vm_over(store: &Arc<MemoryStore>) -> Vm {
    Vm::new(engine(), store.clone()).expect("a VM starts")
}

/// Runs `code`, which must succeed.
pub fn eval(vm: &mut Vm, code: &str) -> Evaluated {
    match vm.run(code) {
        Ok(e) => e,
        Err(e) => panic!("{code:?} failed:\n{e}"),
    }
}

/// Runs `code`, which must return exactly one value.
pub fn value(vm: &mut Vm, code: &str) -> Value {
    let mut values = eval(vm, code).values;
    assert_eq!(
        values.len(),
        1,
        "{code:?} should return one value, returned {values:?}"
    );
    values.remove(0)
}

/// Runs `code`, which must raise a Lua error; returns it as Lua reports it (message and
/// traceback).
pub fn lua_error(vm: &mut Vm, code: &str) -> String {
    match vm.run(code) {
        Err(e) => e.lua_message().unwrap_or_else(|| {
            panic!("{code:?} should fail with a Lua error, but failed with {e}")
        }),
        Ok(e) => panic!("{code:?} should fail, but returned {e:?}"),
    }
}

/// Runs `code`, which must fail; returns the error.
pub fn failure(vm: &mut Vm, code: &str) -> Error {
    match vm.run(code) {
        Err(e) => e,
        Ok(e) => panic!("{code:?} should fail, but returned {e:?}"),
    }
}

/// A Lua string value.
pub fn string(s: &str) -> Value {
    Value::String(s.as_bytes().to_vec())
}
