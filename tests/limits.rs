//! Budgets: an instruction budget enforced inside the guest (the VM stays usable), a
//! wall-clock deadline enforced by wasmtime (the instance is replaced, `_home` kept), and
//! a memory cap per VM. Each ends the call with its own typed error.

use std::sync::Arc;
use std::time::{Duration, Instant};

use lua_wasm::{Error, MemoryStore, Value, Vm, VmOptions};

use crate::support::{engine, eval, failure, value};

fn vm_with(options: VmOptions) -> Vm {
    Vm::with_options(engine(), Arc::new(MemoryStore::new()), options).unwrap()
}

#[test]
fn an_endless_loop_ends_with_budget_exhausted_and_the_vm_goes_on() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(Some(1_000_000)));
    eval(&mut vm, "kept = 'yes'");
    let e = failure(&mut vm, "while true do end");
    let Error::BudgetExhausted {
        instructions,
        message,
    } = e
    else {
        panic!("{e:?}")
    };
    assert_eq!(instructions, 1_000_000);
    assert!(
        message.contains("instruction budget of 1000000 exhausted"),
        "{message}"
    );
    assert_eq!(
        value(&mut vm, "return kept"),
        Value::String(b"yes".to_vec())
    );
}

#[test]
fn catching_the_budget_error_with_pcall_does_not_escape_it() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(Some(200_000)));
    let code = "local n = 0 while true do pcall(function() while true do n = n + 1 end end) end";
    assert!(matches!(
        failure(&mut vm, code),
        Error::BudgetExhausted { .. }
    ));
    let code = "local co = coroutine.wrap(function() while true do end end) co()";
    assert!(matches!(
        failure(&mut vm, code),
        Error::BudgetExhausted { .. }
    ));
}

#[test]
fn each_call_gets_a_fresh_budget() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(Some(2_000_000)));
    for _ in 0..5 {
        assert_eq!(
            value(
                &mut vm,
                "local s = 0 for i = 1, 100000 do s = s + i end return s"
            ),
            Value::Integer(5000050000)
        );
    }
}

#[test]
fn scripts_cannot_remove_the_budget_hook() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(Some(500_000)));
    let e = failure(&mut vm, "debug.sethook()");
    assert!(
        e.lua_message()
            .unwrap()
            .contains("debug.sethook is not available"),
        "{e}"
    );
}

#[test]
fn a_deadline_stops_what_the_budget_cannot_see_and_the_vm_recovers() {
    let store = Arc::new(MemoryStore::new());
    let options = VmOptions::default()
        .instruction_budget(None)
        .timeout(Some(Duration::from_millis(200)));
    let mut vm = Vm::with_options(engine(), store.clone(), options).unwrap();
    eval(&mut vm, "_home.kept = 1; lost_global = 1");
    let started = Instant::now();
    let e = failure(&mut vm, "_home.half = 1 while true do end");
    assert!(matches!(e, Error::Timeout { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // A fresh instance: globals are gone, _home is as before the failed call.
    assert_eq!(
        eval(&mut vm, "return lost_global, _home.kept, _home.half").values,
        vec![Value::Nil, Value::Integer(1), Value::Nil]
    );
}

#[test]
fn the_memory_cap_is_per_vm() {
    let mut small = vm_with(VmOptions::default());
    let mut large = vm_with(VmOptions::default().memory_limit(8 * 1024 * 1024));
    let code = "local t = {} for i = 1, 4 do t[i] = string.rep('x', 1000000) end return #t";
    assert!(
        matches!(failure(&mut small, code), Error::OutOfMemory { limit } if limit == 2 * 1024 * 1024)
    );
    assert_eq!(value(&mut large, code), Value::Integer(4));
    assert_eq!(
        value(&mut small, "return 1 + 1"),
        Value::Integer(2),
        "the small VM goes on"
    );
}

#[test]
fn a_call_without_a_budget_runs_with_no_hook_at_all_as_native_lua() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(None));
    assert_eq!(value(&mut vm, "return debug.gethook()"), Value::Nil);
}

#[test]
fn a_coroutine_made_in_a_call_without_a_budget_is_held_to_a_later_calls_budget() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(None));
    eval(
        &mut vm,
        "spin = coroutine.wrap(function() while true do end end)
         co = coroutine.create(function() while true do end end)",
    );
    vm.set_instruction_budget(Some(100_000));
    assert!(matches!(
        failure(&mut vm, "spin()"),
        Error::BudgetExhausted { .. }
    ));
    assert!(matches!(
        failure(&mut vm, "coroutine.resume(co)"),
        Error::BudgetExhausted { .. }
    ));
    assert_eq!(
        value(&mut vm, "return 'usable'"),
        Value::String(b"usable".to_vec())
    );
}

#[test]
fn a_coroutine_made_under_a_budget_runs_free_once_the_budget_is_lifted() {
    let mut vm = vm_with(VmOptions::default().instruction_budget(Some(1_000_000)));
    eval(
        &mut vm,
        "co = coroutine.wrap(function() for i = 1, math.huge do coroutine.yield(debug.gethook() ~= nil) end end)",
    );
    assert_eq!(value(&mut vm, "return co()"), Value::Boolean(true));
    vm.set_instruction_budget(None);
    assert_eq!(value(&mut vm, "return co()"), Value::Boolean(false));
}
