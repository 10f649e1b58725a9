//! The engine: pre-initialized VMs, the pool of VM slots and what lies beyond it.

use std::sync::Arc;

use lua_wasm::{Engine, EngineOptions, MemoryStore, Value, Vm, LUA_WASM};

use crate::support::engine;

fn first_random(vm: &mut Vm) -> Vec<Value> {
    vm.run("return math.random(1 << 62), math.random(1 << 62)")
        .unwrap()
        .values
}

#[test]
fn lua_wasm_is_pre_initialized_when_the_engine_is_made() {
    assert_eq!(engine().preinitialized(), Ok(()));
}

#[test]
fn a_pre_initialized_vm_is_a_complete_fresh_lua_state() {
    let mut vm = Vm::new(engine(), Arc::new(MemoryStore::new())).unwrap();
    let out = vm
        .run(
            "local libs = {}
             for _, name in ipairs{'string', 'table', 'math', 'utf8', 'coroutine', 'os', 'debug', 'package'} do
               libs[#libs + 1] = type(_G[name])
             end
             return table.concat(libs, ' '), collectgarbage('count') > 0, x",
        )
        .unwrap();
    assert_eq!(
        out.values,
        vec![
            Value::String(b"table table table table table table table table".to_vec()),
            Value::Boolean(true),
            Value::Nil
        ]
    );
}

#[test]
fn every_vm_has_its_own_random_sequence() {
    let store = Arc::new(MemoryStore::new());
    let mut a = Vm::new(engine(), store.clone()).unwrap();
    let mut b = Vm::new(engine(), store).unwrap();
    assert_ne!(first_random(&mut a), first_random(&mut b));
}

#[test]
fn a_seeded_random_sequence_is_the_same_in_every_vm() {
    let store = Arc::new(MemoryStore::new());
    let mut a = Vm::new(engine(), store.clone()).unwrap();
    let mut b = Vm::new(engine(), store).unwrap();
    a.run("math.randomseed(42)").unwrap();
    b.run("math.randomseed(42)").unwrap();
    assert_eq!(first_random(&mut a), first_random(&mut b));
}

#[test]
fn more_vms_than_pool_slots_all_work() {
    let engine = Engine::with_options(LUA_WASM, EngineOptions::default().pooled_vms(2)).unwrap();
    let store = Arc::new(MemoryStore::new());
    let mut vms: Vec<Vm> = (0..5)
        .map(|_| Vm::new(&engine, store.clone()).unwrap())
        .collect();
    for (i, vm) in vms.iter_mut().enumerate() {
        vm.run(&format!("n = {i}")).unwrap();
    }
    for (i, vm) in vms.iter_mut().enumerate() {
        assert_eq!(
            vm.run("return n").unwrap().values,
            vec![Value::Integer(i as i64)]
        );
    }
}

#[test]
fn a_vm_slot_is_reused_once_its_vm_is_dropped_and_starts_clean() {
    let engine = Engine::with_options(LUA_WASM, EngineOptions::default().pooled_vms(1)).unwrap();
    let store = Arc::new(MemoryStore::new());
    let mut first = Vm::new(&engine, store.clone()).unwrap();
    first.run("leftover = string.rep('x', 100000)").unwrap();
    drop(first);
    let mut second = Vm::new(&engine, store).unwrap();
    assert_eq!(
        second.run("return leftover").unwrap().values,
        vec![Value::Nil]
    );
}

#[test]
fn an_engine_without_a_pool_makes_working_vms() {
    let engine = Engine::with_options(LUA_WASM, EngineOptions::default().pooled_vms(0)).unwrap();
    let mut vm = Vm::new(&engine, Arc::new(MemoryStore::new())).unwrap();
    assert_eq!(
        vm.run("return 6 * 7").unwrap().values,
        vec![Value::Integer(42)]
    );
}

#[test]
fn a_vm_past_its_timeout_comes_back_from_the_image_with_home_intact() {
    use std::time::Duration;
    let store = Arc::new(MemoryStore::new());
    let options = lua_wasm::VmOptions::default()
        .timeout(Some(Duration::from_millis(50)))
        .instruction_budget(None);
    let mut vm = Vm::with_options(engine(), store, options).unwrap();
    vm.run("_home.kept = 'yes' g = 1").unwrap();
    // Stuck inside the pattern matcher, where no Lua instruction runs: trapped.
    assert!(matches!(
        vm.run("return ('a'):rep(20000):find('.-.-.-.-b')"),
        Err(lua_wasm::Error::Timeout { vm_reset: true, .. })
    ));
    let out = vm.run("return _home.kept, g").unwrap();
    assert_eq!(out.values, vec![Value::String(b"yes".to_vec()), Value::Nil]);
}

#[test]
fn a_module_whose_init_never_returns_is_stopped_not_hung() {
    let wasm = wat::parse_str(
        r#"(module
             (memory (export "memory") 32)
             (func (export "init") (result i32) (loop $forever (br $forever)) (i32.const 0))
             (func (export "get_buffer_ptr") (result i32) (i32.const 1024))
             (func (export "get_buffer_size") (result i32) (i32.const 65536))
             (func (export "compute") (param i32 i32) (result i32) (i32.const 0))
             (func (export "get_memory_stats") (param i32))
             (func (export "run_gc") (result i32) (i32.const 0)))"#,
    )
    .unwrap();
    let engine = Engine::from_module_bytes(&wasm).unwrap();
    assert!(engine.preinitialized().is_err());
    let options =
        lua_wasm::VmOptions::default().timeout(Some(std::time::Duration::from_millis(50)));
    let vm = Vm::with_options(&engine, Arc::new(MemoryStore::new()), options);
    assert!(matches!(vm, Err(lua_wasm::Error::Timeout { .. })));
}
