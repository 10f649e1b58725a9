//! The host checks every pointer and length a guest passes to the imports: a module that
//! lies (written here in WAT, speaking the ABI's exports) gets a clean error, and the host
//! neither panics nor touches memory outside the guest's. Keys, values and table ids are
//! opaque to it (any bytes, any id), a guest cannot make it keep more than a bounded
//! amount for one call, and results that break the ABI are errors too.

use std::sync::Arc;

use lua_wasm::{Engine, Error, MemoryStore, SqliteStore, TableStore, TableStoreExt, Vm};

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

// ---------------------------------------------------------------------------------------
// Modules that get answers: `compute` makes the import calls of `body` (which leaves one
// i32 on the stack) and returns that answer as a Lua integer result. The buffer is the
// second page, so the data the body uses (from `data`, at address 0) is not overwritten
// by the code the host writes there.

/// A module whose `compute` returns what `body` leaves on the stack, with `data` at 0.
fn answering(data: &str, body: &str) -> Vec<u8> {
    let wat = format!(
        r#"(module
          (import "env" "js_ext_table_set" (func $set (param i32 i32 i32 i32 i32) (result i32)))
          (import "env" "js_ext_table_get" (func $get (param i32 i32 i32 i32 i32) (result i32)))
          (import "env" "js_ext_table_delete" (func $delete (param i32 i32 i32) (result i32)))
          (import "env" "js_ext_table_size" (func $size (param i32) (result i32)))
          (import "env" "js_ext_table_keys" (func $keys (param i32 i32 i32) (result i32)))
          (memory (export "memory") 3)
          (data (i32.const 0) "{data}")
          (func (export "init") (result i32) i32.const 0)
          (func (export "get_buffer_ptr") (result i32) i32.const 65536)
          (func (export "get_buffer_size") (result i32) i32.const 65536)
          (func (export "get_memory_stats") (param i32))
          (func (export "run_gc") (result i32) i32.const 0)
          (func (export "compute") (param i32 i32) (result i32)
            (local $answer i32) (local $i i32)
            {body}
            local.set $answer
            (i32.store (i32.const 65536) (i32.const 0))
            (i32.store8 (i32.const 65540) (i32.const 2))
            (i64.store (i32.const 65541) (i64.extend_i32_s (local.get $answer)))
            i32.const 13))"#
    );
    wat::parse_str(wat).unwrap()
}

/// Runs the module over `store` and returns the answer, or the error.
fn answer(module: &[u8], store: Arc<dyn TableStore>) -> lua_wasm::Result<i64> {
    let engine = Engine::from_module_bytes(module).unwrap();
    let mut vm = Vm::new(&engine, store)?;
    match vm.run("")?.values.as_slice() {
        [lua_wasm::Value::Integer(n)] => Ok(*n),
        other => panic!("unexpected values {other:?}"),
    }
}

/// The stores a guest can reach: in memory and in an SQLite file.
fn stores() -> Vec<(Arc<dyn TableStore>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = SqliteStore::open(dir.path().join("home.db")).unwrap();
    vec![
        (Arc::new(MemoryStore::new()), tempfile::tempdir().unwrap()),
        (Arc::new(sqlite), dir),
    ]
}

#[test]
fn keys_and_values_that_are_not_utf8_are_stored_as_the_bytes_they_are() {
    // Key "\ff\fe\00k" at 0, value "\00\80\ff" at 8.
    let data = r"\ff\fe\00k\00\00\00\00\00\80\ff";
    let body =
        "(drop (call $set (i32.const 1) (i32.const 0) (i32.const 4) (i32.const 8) (i32.const 3)))
                (call $get (i32.const 1) (i32.const 0) (i32.const 4) (i32.const 16) (i32.const 3))";
    for (store, _dir) in stores() {
        assert_eq!(answer(&answering(data, body), store.clone()).unwrap(), 3);
        assert_eq!(
            store.get(1, b"\xff\xfe\x00k").unwrap(),
            Some(b"\x00\x80\xff".to_vec())
        );
    }
}

#[test]
fn any_table_id_is_a_table_and_unknown_ones_are_empty() {
    let cases = [
        // Nothing stored under any id yet: absent, size 0, an empty key list.
        ("(call $get (i32.const 0xdeadbeef) (i32.const 0) (i32.const 1) (i32.const 16) (i32.const 8))", -1),
        ("(call $size (i32.const -2))", 0),
        ("(call $keys (i32.const 12345) (i32.const 16) (i32.const 100))", 0),
        ("(call $delete (i32.const 7) (i32.const 0) (i32.const 1))", 0),
        // A write to an odd id is a write like any other, and reads back.
        ("(drop (call $set (i32.const -2) (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 1)))
          (call $size (i32.const -2))", 1),
        // The channel (0xFFFFFFFF) answers unknown requests with -1 and stores nothing.
        ("(call $set (i32.const -1) (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 1))", -1),
        ("(call $get (i32.const -1) (i32.const 0) (i32.const 1) (i32.const 16) (i32.const 8))", -1),
    ];
    for (body, expected) in cases {
        for (store, _dir) in stores() {
            assert_eq!(
                answer(&answering("k", body), store).unwrap(),
                expected,
                "{body}"
            );
        }
    }
}

#[test]
fn lengths_that_overflow_or_exceed_memory_are_module_errors() {
    let cases = [
        // ptr + len wraps around 32 bits.
        "(call $set (i32.const 1) (i32.const 0xfffffff0) (i32.const 0x20) (i32.const 0) (i32.const 1))",
        "(call $set (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 1) (i32.const -1))",
        "(call $delete (i32.const 1) (i32.const 0xffffffff) (i32.const 0xffffffff))",
        // A 64 MiB value in a 192 KiB memory.
        "(call $set (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 0x4000000))",
        "(call $get (i32.const 1) (i32.const 0xffffffff) (i32.const 2) (i32.const 16) (i32.const 8))",
        "(call $set (i32.const -1) (i32.const 0) (i32.const 0x7fffffff) (i32.const 0) (i32.const 1))",
    ];
    for body in cases {
        match answer(&answering("k", body), Arc::new(MemoryStore::new())) {
            Err(Error::Module(msg)) => assert!(msg.contains("out-of-bounds"), "{body}: {msg}"),
            other => panic!("{body}: expected a module error, got {other:?}"),
        }
    }
}

#[test]
fn a_buffer_claimed_larger_than_memory_gets_only_what_fits_the_answer() {
    // The guest claims a 4 GiB buffer for the key list at 16: the host writes the list
    // (2 bytes, "k\n"-joined) and nothing beyond it.
    let store = Arc::new(MemoryStore::new());
    store.set(9, b"a", b"1").unwrap();
    store.set(9, b"b", b"2").unwrap();
    let body = "(drop (call $keys (i32.const 9) (i32.const 16) (i32.const -1)))
                (i32.load (i32.const 16))";
    let written = answer(&answering("", body), store.clone()).unwrap();
    assert_eq!(
        written.to_le_bytes()[..4],
        *b"a\nb\0",
        "3 bytes written, the 4th untouched"
    );
    // A value larger than the buffer offered: its length is the answer, and nothing is
    // written (the 0xAA bytes at 16 stay).
    store.set(1, b"k", &[7u8; 100]).unwrap();
    let data = r"k\00\00\00\00\00\00\00\00\00\00\00\00\00\00\00\aa\aa\aa\aa";
    let body =
        "(drop (call $get (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16) (i32.const 99)))
                (i32.load (i32.const 16))";
    assert_eq!(
        answer(&answering(data, body), store).unwrap(),
        i64::from(0xaaaa_aaaau32 as i32)
    );
}

/// A `compute` body that repeats `call` (which may use `$i`, the iteration) forever.
fn forever(call: &str) -> String {
    format!(
        "(loop $again
           (i32.store (i32.const 0) (local.get $i))
           (drop {call})
           (local.set $i (i32.add (local.get $i) (i32.const 1)))
           (br $again))
         i32.const 0"
    )
}

#[test]
fn a_guest_that_floods_the_host_is_stopped_with_the_host_memory_bounded() {
    let cases = [
        // 64 KiB values under ever new keys (the iteration number, stored at 0).
        (
            forever("(call $set (i32.const 1) (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 65536))"),
            "wrote more than 64 MiB",
        ),
        // Deletions of ever new (60 KB) keys: the transaction holds each.
        (
            forever("(call $delete (i32.const 1) (i32.const 0) (i32.const 60000))"),
            "wrote more than 64 MiB",
        ),
        // Standard output and warnings without end, through the channel.
        (
            forever("(call $set (i32.const -1) (i32.const 100) (i32.const 6) (i32.const 0) (i32.const 65536))"),
            "printed more than 64 MiB",
        ),
        (
            forever("(call $set (i32.const -1) (i32.const 106) (i32.const 6) (i32.const 0) (i32.const 65536))"),
            "printed more than 64 MiB",
        ),
    ];
    let data = r"\00\00\00\00";
    for (body, expected) in cases {
        // "stdout" at 100 and "stderr" at 106, after the 4-byte counter.
        let data = format!("{data}{}stdoutstderr", r"\00".repeat(96));
        let store = Arc::new(MemoryStore::new());
        match answer(&answering(&data, &body), store.clone()) {
            Err(Error::Module(msg)) => assert!(msg.contains(expected), "{msg}"),
            other => panic!("{body}: expected a module error, got {other:?}"),
        }
        assert_eq!(store.table_ids(), Vec::<u32>::new(), "nothing committed");
    }
}

#[test]
fn results_that_break_the_abi_are_module_errors_and_the_vm_goes_on() {
    let cases = [
        // compute's answer claims more than the buffer holds.
        ("(i32.const 70000)", "more than the buffer holds"),
        // A result whose output length runs past its end.
        ("(i32.store (i32.const 65536) (i32.const -1)) (i32.const 8)", "shorter than its output length"),
        // A result whose values do not decode (tag 0x42).
        ("(i32.store (i32.const 65536) (i32.const 0)) (i32.store8 (i32.const 65540) (i32.const 0x42)) (i32.const 5)", "undecodable result"),
    ];
    for (body, expected) in cases {
        let wat = format!(
            r#"(module
              (memory (export "memory") 3)
              (func (export "init") (result i32) i32.const 0)
              (func (export "get_buffer_ptr") (result i32) i32.const 65536)
              (func (export "get_buffer_size") (result i32) i32.const 65536)
              (func (export "get_memory_stats") (param i32))
              (func (export "run_gc") (result i32) i32.const 0)
              (func (export "compute") (param i32 i32) (result i32) {body}))"#
        );
        let engine = Engine::from_module_bytes(&wat::parse_str(wat).unwrap()).unwrap();
        let mut vm = Vm::new(&engine, Arc::new(MemoryStore::new())).unwrap();
        match vm.run("") {
            Err(Error::Module(msg)) => assert!(msg.contains(expected), "{body}: {msg}"),
            other => panic!("{body}: expected a module error, got {other:?}"),
        }
        assert!(
            vm.run("").is_err(),
            "the next call runs (and fails the same way)"
        );
    }
}

#[test]
fn a_buffer_outside_memory_is_refused_when_the_vm_starts() {
    let wat = r#"(module
          (memory (export "memory") 1)
          (func (export "init") (result i32) i32.const 0)
          (func (export "get_buffer_ptr") (result i32) i32.const 32768)
          (func (export "get_buffer_size") (result i32) i32.const 65536)
          (func (export "get_memory_stats") (param i32))
          (func (export "run_gc") (result i32) i32.const 0)
          (func (export "compute") (param i32 i32) (result i32) i32.const 0))"#;
    let engine = Engine::from_module_bytes(&wat::parse_str(wat).unwrap()).unwrap();
    match Vm::new(&engine, Arc::new(MemoryStore::new())) {
        Err(Error::Module(msg)) => assert!(msg.contains("outside memory"), "{msg}"),
        Err(other) => panic!("expected a module error, got {other:?}"),
        Ok(_) => panic!("a buffer outside memory was accepted"),
    }
}

#[test]
fn a_guest_that_traps_mid_call_loses_its_writes_and_the_vm_gets_a_fresh_instance() {
    let store = Arc::new(MemoryStore::new());
    let body =
        "(drop (call $set (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 0) (i32.const 1)))
                unreachable";
    let engine = Engine::from_module_bytes(&answering("k", body)).unwrap();
    let mut vm = Vm::new(&engine, store.clone()).unwrap();
    for _ in 0..3 {
        match vm.run("") {
            Err(Error::Module(msg)) => assert!(msg.contains("unreachable"), "{msg}"),
            other => panic!("expected a module error, got {other:?}"),
        }
        assert_eq!(store.keys(1).unwrap(), Vec::<Vec<u8>>::new());
    }
}

#[test]
fn a_guest_cannot_grow_its_memory_past_the_vms_limit() {
    // memory.grow asks for 1 GiB at once, then page by page: refused past the 2 MB
    // limit (-1), so the host never maps more for it.
    let body = "(drop (memory.grow (i32.const 16384)))
                (block $full (loop $more
                  (br_if $full (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
                  (br $more)))
                memory.size";
    let pages = answer(&answering("", body), Arc::new(MemoryStore::new())).unwrap();
    assert_eq!(pages, 32, "2 MB of 64 KiB pages");
}
