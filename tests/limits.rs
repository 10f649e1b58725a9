//! Budgets: an instruction budget enforced inside the guest (the VM stays usable), a
//! wall-clock deadline (the guest is interrupted at its next Lua instruction and the VM
//! stays usable; code stuck in one library function is trapped and the instance
//! replaced, `_home` kept), and a memory cap per VM. Each ends the call with its own
//! typed error.

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

/// A VM without an instruction budget, held to a short deadline.
fn vm_with_deadline(store: Arc<MemoryStore>) -> Vm {
    let options = VmOptions::default()
        .instruction_budget(None)
        .timeout(Some(Duration::from_millis(200)));
    Vm::with_options(engine(), store, options).unwrap()
}

/// Runs `code`, which must end in a graceful timeout (the VM intact), within seconds.
fn interrupted(vm: &mut Vm, code: &str) {
    let started = Instant::now();
    let e = failure(vm, code);
    assert!(
        matches!(e, Error::Timeout { vm_reset: false, after } if after == Duration::from_millis(200)),
        "{code}: {e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(e.to_string().contains("the VM is intact"), "{e}");
}

#[test]
fn a_deadline_stops_an_endless_loop_at_its_next_instruction_and_the_vm_goes_on() {
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_with_deadline(store.clone());
    eval(&mut vm, "_home.kept = 1; kept_global = 1");
    interrupted(
        &mut vm,
        "_home.half = 1; half_global = 1; while true do end",
    );
    // Like after any error: globals keep what ran, _home loses the failed call's writes.
    assert_eq!(
        eval(
            &mut vm,
            "return kept_global, half_global, _home.kept, _home.half"
        )
        .values,
        vec![
            Value::Integer(1),
            Value::Integer(1),
            Value::Integer(1),
            Value::Nil
        ]
    );
    // The next call runs without the interrupt's hook, to its end.
    assert_eq!(
        value(
            &mut vm,
            "local s = 0 for i = 1, 3000000 do s = s + i end return s"
        ),
        Value::Integer(4500001500000)
    );
    assert_eq!(value(&mut vm, "return debug.gethook()"), Value::Nil);
}

#[test]
fn catching_the_interrupt_with_pcall_does_not_escape_it() {
    let mut vm = vm_with_deadline(Arc::new(MemoryStore::new()));
    interrupted(
        &mut vm,
        "while true do pcall(function() while true do end end) end",
    );
    interrupted(
        &mut vm,
        "while true do local ok, e = pcall(error, 'x') assert(not ok) end",
    );
    assert_eq!(
        value(&mut vm, "return 'still here'"),
        Value::String(b"still here".to_vec())
    );
}

#[test]
fn a_deadline_reaches_the_coroutine_that_runs() {
    let mut vm = vm_with_deadline(Arc::new(MemoryStore::new()));
    // Resumed by the main thread.
    interrupted(
        &mut vm,
        "coroutine.wrap(function() while true do end end)()",
    );
    // Two levels down, and then one level up after the inner one yields.
    interrupted(
        &mut vm,
        "coroutine.wrap(function() coroutine.wrap(function() while true do end end)() end)()",
    );
    interrupted(
        &mut vm,
        "coroutine.wrap(function()
           local inner = coroutine.wrap(function() coroutine.yield() end)
           inner()
           while true do end
         end)()",
    );
    // A coroutine made in an earlier call, resumed now.
    eval(
        &mut vm,
        "spinner = coroutine.create(function() coroutine.yield() while true do end end)",
    );
    eval(&mut vm, "assert(coroutine.resume(spinner))");
    interrupted(&mut vm, "coroutine.resume(spinner) error('not reached')");
    // Many short-lived coroutines before the loop.
    interrupted(
        &mut vm,
        "for i = 1, 1000 do coroutine.wrap(function() end)() end
         local co = coroutine.wrap(function() while true do coroutine.yield() end end)
         while true do co() end",
    );
    assert_eq!(value(&mut vm, "return 1 + 1"), Value::Integer(2));
}

#[test]
fn a_deadline_stops_what_no_hook_can_see_by_replacing_the_instance() {
    // One string.find runs for minutes inside the C pattern matcher: no Lua instruction
    // executes, so only the trap one grace period after the deadline ends it.
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_with_deadline(store.clone());
    eval(&mut vm, "_home.kept = 1; lost_global = 1");
    let started = Instant::now();
    let e = failure(
        &mut vm,
        "_home.half = 1 return ('a'):rep(20000):find('.-.-.-.-b')",
    );
    assert!(matches!(e, Error::Timeout { vm_reset: true, .. }), "{e:?}");
    assert!(e.to_string().contains("VM was reset"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // A fresh instance: globals are gone, _home is as before the failed call.
    assert_eq!(
        eval(&mut vm, "return lost_global, _home.kept, _home.half").values,
        vec![Value::Nil, Value::Integer(1), Value::Nil]
    );
}

#[test]
fn collecting_garbage_long_after_a_call_is_not_past_that_calls_deadline() {
    let mut vm = vm_with_deadline(Arc::new(MemoryStore::new()));
    eval(
        &mut vm,
        "garbage = {} for i = 1, 1000 do garbage[i] = {} end garbage = nil",
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(vm.collect_garbage().is_ok());
    assert!(vm.memory_stats().is_ok());
    assert_eq!(value(&mut vm, "return 3"), Value::Integer(3));
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
fn memory_freed_in_small_blocks_serves_large_blocks_without_growing() {
    // The guest keeps freed small blocks on per-size lists for speed; they must go back
    // to the heap when a large block needs their room, before memory grows.
    let mut vm = vm_with(VmOptions::default().memory_limit(16 * 1024 * 1024));
    for size in [8, 24, 40, 100, 200] {
        eval(
            &mut vm,
            &format!(
                "local t = {{}} for i = 1, 900000 // ({size} + 40) do t[i] = ('x'):rep({size} - 6) .. (100000 + i) end
                 t = nil collectgarbage() collectgarbage()"
            ),
        );
        let pages = vm.memory_stats().unwrap().wasm_pages;
        assert_eq!(
            value(
                &mut vm,
                "local a = ('y'):rep(400000) local b = ('z'):rep(300000) return #a + #b"
            ),
            Value::Integer(700_000),
            "blocks of {size} bytes"
        );
        assert_eq!(
            vm.memory_stats().unwrap().wasm_pages,
            pages,
            "blocks of {size} bytes"
        );
    }
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
