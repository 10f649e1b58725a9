//! Atomic calls: all `_home` writes of one call become visible together, a call that ends
//! in an error leaves `_home` exactly as it was, a call reads its own writes, and VMs on
//! many threads sharing one store never lose an update.

use std::sync::Arc;

use lua_wasm::{Error, MemoryStore, TableStoreExt, Value, Vm};

use crate::support::{engine, eval, failure, value, vm_over};

#[test]
fn a_failed_call_changes_nothing_in_home() {
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_over(&store);
    eval(&mut vm, "_home.a = 1; _home.list = {1, 2}");
    let before = store.keys(1).unwrap();
    let e = failure(
        &mut vm,
        "_home.a = 2; _home.b = 3; _home.list[3] = 3; _home.a = nil; error('late')",
    );
    assert!(matches!(e, Error::Runtime { .. }));
    assert_eq!(store.keys(1).unwrap(), before);
    assert_eq!(
        eval(&mut vm, "return _home.a, _home.b, #_home.list").values,
        vec![Value::Integer(1), Value::Nil, Value::Integer(2)]
    );
}

#[test]
fn a_call_reads_its_own_writes_before_they_are_committed() {
    let mut vm = vm_over(&Arc::new(MemoryStore::new()));
    let code = "_home.x = 5; _home.t = {y = 6}; local n = 0 for _ in pairs(_home) do n = n + 1 end return _home.x + _home.t.y, n";
    assert_eq!(
        eval(&mut vm, code).values,
        vec![Value::Integer(11), Value::Integer(2)]
    );
}

#[test]
fn writes_become_visible_to_other_vms_only_when_the_call_ends() {
    let store = Arc::new(MemoryStore::new());
    let mut writer = vm_over(&store);
    eval(&mut writer, "_home.step = 1");
    assert_eq!(store.get(1, b"step").unwrap().map(|v| v.len()), Some(9));
    let e = failure(&mut writer, "_home.step = 2 error('rolled back')");
    assert!(e.lua_message().is_some());
    let mut reader = vm_over(&store);
    assert_eq!(value(&mut reader, "return _home.step"), Value::Integer(1));
}

#[test]
fn many_threads_incrementing_one_counter_lose_no_update() {
    const THREADS: usize = 8;
    const INCREMENTS: usize = 50;
    let store = Arc::new(MemoryStore::new());
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let store = store.clone();
            std::thread::spawn(move || {
                let mut vm = Vm::new(engine(), store).unwrap();
                for _ in 0..INCREMENTS {
                    vm.run("_home.counter = (_home.counter or 0) + 1").unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let mut vm = vm_over(&store);
    assert_eq!(
        value(&mut vm, "return _home.counter"),
        Value::Integer((THREADS * INCREMENTS) as i64)
    );
}

#[test]
fn vms_on_many_threads_sharing_a_sqlite_file_lose_no_update() {
    const THREADS: usize = 6;
    const INCREMENTS: usize = 25;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("home.db");
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || {
                // Each thread opens the file itself, as separate processes would.
                let store = Arc::new(lua_wasm::SqliteStore::open(&path).unwrap());
                let mut vm = Vm::new(engine(), store).unwrap();
                for _ in 0..INCREMENTS {
                    vm.run("_home.counter = (_home.counter or 0) + 1; _home.log = _home.log or {}; table.insert(_home.log, 1)")
                        .unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let store = Arc::new(lua_wasm::SqliteStore::open(&path).unwrap());
    let mut vm = Vm::new(engine(), store).unwrap();
    let total = (THREADS * INCREMENTS) as i64;
    assert_eq!(
        eval(&mut vm, "return _home.counter, #_home.log").values,
        vec![Value::Integer(total), Value::Integer(total)]
    );
}

#[test]
fn finalizer_writes_during_collect_garbage_are_committed_at_once() {
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_over(&store);
    eval(
        &mut vm,
        "setmetatable({}, {__gc = function() _home.finalized = 'yes' end})",
    );
    vm.collect_garbage().unwrap();
    // Another VM on the same store sees the write, and is not kept waiting for the
    // store by a transaction left open.
    let (tx, rx) = std::sync::mpsc::channel();
    let other_store = store.clone();
    std::thread::spawn(move || {
        let mut other = vm_over(&other_store);
        let _ = tx.send(eval(&mut other, "return _home.finalized").values);
    });
    let seen = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the store is free after collect_garbage");
    assert_eq!(seen, vec![Value::String(b"yes".to_vec())]);
}
