//! The host checks every pointer and length a guest passes to the imports: a module that
//! lies (written here in WAT, speaking the ABI's exports) gets a clean error, and the host
//! neither panics nor touches memory outside the guest's.

use std::sync::Arc;

use lua_wasm::{Engine, Error, MemoryStore, TableStoreExt, Vm};

/// A module with the ABI's exports whose `compute` makes one import call with the
/// given arguments and returns what the import answered.
fn hostile(call: &str) -> Vec<u8> {
    let wat = format!(
        r#"(module
          (import "env" "js_ext_table_set" (func $set (param i32 i32 i32 i32 i32) (result i32)))
          (import "env" "js_ext_table_get" (func $get (param i32 i32 i32 i32 i32) (result i32)))
          (import "env" "js_ext_table_delete" (func $delete (param i32 i32 i32) (result i32)))
          (import "env" "js_ext_table_size" (func $size (param i32) (result i32)))
          (import "env" "js_ext_table_keys" (func $keys (param i32 i32 i32) (result i32)))
          (memory (export "memory") 2)
          (func (export "init") (result i32) i32.const 0)
          (func (export "get_buffer_ptr") (result i32) i32.const 0)
          (func (export "get_buffer_size") (result i32) i32.const 65536)
          (func (export "get_memory_stats") (param i32))
          (func (export "run_gc") (result i32) i32.const 0)
          (func (export "compute") (param i32 i32) (result i32) {call} drop i32.const 0))"#
    );
    wat::parse_str(wat).unwrap()
}

fn run(call: &str, store: Arc<MemoryStore>) -> lua_wasm::Result<lua_wasm::Evaluated> {
    let engine = Engine::from_module_bytes(&hostile(call)).unwrap();
    let mut vm = Vm::new(&engine, store).unwrap();
    vm.run("x")
}

#[test]
fn out_of_bounds_keys_values_and_buffers_are_module_errors() {
    let cases = [
        "(call $set (i32.const 1) (i32.const 131000) (i32.const 100) (i32.const 0) (i32.const 1))",
        "(call $set (i32.const 1) (i32.const 0) (i32.const 1) (i32.const -8) (i32.const 16))",
        "(call $set (i32.const 1) (i32.const 0) (i32.const -1) (i32.const 0) (i32.const 1))",
        "(call $delete (i32.const 1) (i32.const -1) (i32.const 2))",
        "(call $get (i32.const 1) (i32.const 0) (i32.const 70000000) (i32.const 0) (i32.const 8))",
    ];
    for call in cases {
        match run(call, Arc::new(MemoryStore::new())) {
            Err(Error::Module(msg)) => assert!(msg.contains("out-of-bounds"), "{call}: {msg}"),
            other => panic!("{call}: expected a module error, got {other:?}"),
        }
    }
}

#[test]
fn a_value_is_never_written_past_the_buffer_the_guest_offered() {
    let store = Arc::new(MemoryStore::new());
    store.set(1, b"k", &[7u8; 100]).unwrap();
    // Key "k" is at 0 (byte 0x6b written by the data below); the guest claims a
    // 100-byte buffer at the very end of memory, which ends 28 bytes later.
    let call = "(i32.store8 (i32.const 0) (i32.const 107))
                (call $get (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 131044) (i32.const 100))";
    match run(call, store) {
        Err(Error::Module(msg)) => assert!(msg.contains("out-of-bounds value buffer"), "{msg}"),
        other => panic!("expected a module error, got {other:?}"),
    }
}
