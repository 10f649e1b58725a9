//! Hostile scripts: Lua written to exhaust or break the VM (tests/hostile/*.lua, each
//! file saying what it attacks). Every one ends in a clean error within its limits, and
//! the VM goes on: its globals are kept, `_home` is as before the call, and the next call
//! runs. The few attacks that spend their time inside one C function or a finalizer,
//! where no Lua hook runs, are stopped by the deadline instead, which replaces the
//! instance (globals are lost there, `_home` still is not).
//!
//! Related attacks tested elsewhere: endless loops and `pcall` around them (limits.rs),
//! unbounded Lua recursion, recursion through `__index` and `string.gsub`, `string.rep`
//! and table growth to exhaustion (errors.rs, deliberate_differences.rs), binary chunks
//! given to `load` and to `compute` (deliberate_differences.rs), code longer than the
//! buffer at the raw ABI (abi.rs).

use std::sync::Arc;
use std::time::Duration;

use lua_wasm::{Error, Evaluated, MemoryStore, TableStoreExt, Value, Vm, VmOptions};

use crate::support::{engine, string};

/// The instruction budget of the attacks: enough for any of them to reach the limit it
/// is aimed at (memory, the C stack), small enough to end an endless loop fast.
const BUDGET: u64 = 5_000_000;

/// A deadline no attack stopped by another limit comes near, even on a slow machine.
const GENEROUS: Duration = Duration::from_secs(60);

/// The deadline of the attacks that only a deadline can stop.
const SHORT: Duration = Duration::from_millis(300);

/// A VM over a store whose `_home` holds `before = 'kept'`, with a global of the same name.
fn prepared(timeout: Duration) -> (Vm, Arc<MemoryStore>) {
    prepared_with(VmOptions::default().timeout(Some(timeout)))
}

/// The same with other options (and the attacks' budget).
fn prepared_with(options: VmOptions) -> (Vm, Arc<MemoryStore>) {
    let store = Arc::new(MemoryStore::new());
    let options = options.instruction_budget(Some(BUDGET));
    let mut vm = Vm::with_options(engine(), store.clone(), options).unwrap();
    vm.run("before = 'kept'; _home.before = 'kept'").unwrap();
    (vm, store)
}

/// The source of tests/hostile/`name`.lua, run with `_home.during` set first: a failed
/// call must take that write back with it.
fn attack(vm: &mut Vm, name: &str) -> lua_wasm::Result<Evaluated> {
    let path = format!("{}/tests/hostile/{name}.lua", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    vm.run(&format!("_home.during = true {source}"))
}

/// Runs the attack, which must fail; returns the error.
fn failed(vm: &mut Vm, name: &str) -> Error {
    match attack(vm, name) {
        Err(e) => e,
        Ok(e) => panic!("{name}.lua should fail, but returned {:?}", e.values),
    }
}

/// Runs the attack, which must succeed; returns its values.
fn survived(vm: &mut Vm, name: &str) -> Evaluated {
    attack(vm, name).unwrap_or_else(|e| panic!("{name}.lua should succeed, but failed: {e}"))
}

/// After a failed attack: the VM runs code, `_home` holds exactly what it held before,
/// and globals are kept unless the instance was replaced.
fn assert_recovered(vm: &mut Vm, store: &MemoryStore, globals_kept: bool) {
    assert_eq!(
        store.keys(1).unwrap(),
        vec![b"before".to_vec()],
        "_home changed"
    );
    let values = vm.run("return before, _home.before, 1 + 1").unwrap().values;
    let global = if globals_kept {
        string("kept")
    } else {
        Value::Nil
    };
    assert_eq!(values, [global, string("kept"), Value::Integer(2)]);
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => String::from_utf8_lossy(s).into_owned(),
        other => panic!("expected a string, got {other:?}"),
    }
}

#[test]
fn memory_bombs_end_in_not_enough_memory_and_the_vm_keeps_its_globals() {
    for bomb in [
        "concat_loop",
        "concat_doubling",
        "coroutine_loop",
        "table_growth",
        "string_rep",
        "closure_loop",
        "giant_generated_source",
    ] {
        let (mut vm, store) = prepared(GENEROUS);
        let e = failed(&mut vm, bomb);
        assert!(matches!(e, Error::OutOfMemory { .. }), "{bomb}: {e:?}");
        assert_recovered(&mut vm, &store, true);
    }
}

#[test]
fn endless_recursion_through_metamethods_is_a_stack_overflow_error() {
    let (mut vm, store) = prepared(GENEROUS);
    let report = text(&survived(&mut vm, "metamethod_recursion").values[0]);
    let expected: Vec<String> = [
        "add", "concat", "eq", "lt", "le", "len", "unm", "index", "newindex", "tostring",
    ]
    .iter()
    .map(|op| format!("{op}: false stack overflow"))
    .collect();
    assert_eq!(report.lines().collect::<Vec<_>>(), expected);
    vm.run("_home.during = nil").unwrap();
    assert_recovered(&mut vm, &store, true);
}

#[test]
fn endless_recursion_across_coroutines_is_a_stack_overflow_error() {
    let (mut vm, store) = prepared(GENEROUS);
    let e = failed(&mut vm, "lua_recursion_in_coroutines");
    let message = e.lua_message().unwrap_or_default();
    assert!(
        matches!(e, Error::Runtime { .. }) && message.contains("C stack overflow"),
        "{e:?}"
    );
    assert_recovered(&mut vm, &store, true);
}

#[test]
fn endless_tail_calls_through_call_are_stopped_by_the_instruction_budget() {
    let (mut vm, store) = prepared(GENEROUS);
    let e = failed(&mut vm, "call_recursion");
    assert!(
        matches!(
            e,
            Error::BudgetExhausted {
                instructions: BUDGET,
                ..
            }
        ),
        "{e:?}"
    );
    assert_recovered(&mut vm, &store, true);
}

#[test]
fn catastrophic_pattern_backtracking_is_stopped_by_the_deadline() {
    // The matcher runs inside one C call, where the instruction hook never fires: only
    // the deadline ends it. The instance is replaced, so globals are lost.
    let (mut vm, store) = prepared(SHORT);
    let e = failed(&mut vm, "pattern_backtracking");
    assert!(
        matches!(e, Error::Timeout { after, vm_reset: true } if after == SHORT),
        "{e:?}"
    );
    assert_recovered(&mut vm, &store, false);
}

#[test]
fn finalizers_that_fail_become_warnings_and_the_call_goes_on() {
    let (mut vm, _store) = prepared(GENEROUS);
    let result = survived(&mut vm, "gc_errors");
    assert_eq!(result.values, [string("survived")]);
    let warnings = String::from_utf8_lossy(&result.stderr);
    assert!(
        warnings.contains("Lua warning: error in __gc (not enough memory)"),
        "{warnings}"
    );
    assert!(warnings.contains("failing finalizer)"), "{warnings}");
}

#[test]
fn finalizers_that_resurrect_or_rearm_themselves_leave_usable_objects() {
    let (mut vm, _store) = prepared(GENEROUS);
    assert_eq!(
        survived(&mut vm, "gc_resurrection").values,
        [string("phoenix"), Value::Integer(50)]
    );
    assert_eq!(
        vm.run("return resurrected.name").unwrap().values,
        [string("phoenix")],
        "the resurrected object outlives the call"
    );
}

#[test]
fn a_finalizer_that_never_returns_is_stopped_by_the_deadline() {
    let (mut vm, store) = prepared(SHORT);
    let e = failed(&mut vm, "gc_endless");
    assert!(matches!(e, Error::Timeout { .. }), "{e:?}");
    assert_recovered(&mut vm, &store, false);
}

#[test]
fn errors_inside_error_handlers_end_in_errors() {
    let (mut vm, _store) = prepared(GENEROUS);
    let values = survived(&mut vm, "error_handler_errors").values;
    assert_eq!(
        values,
        [
            string("error in error handling"),
            string("not enough memory"),
            Value::Boolean(true),
            string("close failed"),
        ]
    );
}

#[test]
fn an_error_value_whose_tostring_fails_or_loops_still_ends_the_call_cleanly() {
    let (mut vm, store) = prepared(GENEROUS);
    let e = failed(&mut vm, "error_object_tostring_fails");
    assert!(
        matches!(&e, Error::Runtime { message, .. } if message.ends_with("tostring fails too")),
        "{e:?}"
    );
    assert_recovered(&mut vm, &store, true);
    let e = failed(&mut vm, "error_object_tostring_loops");
    assert!(matches!(e, Error::BudgetExhausted { .. }), "{e:?}");
    assert_recovered(&mut vm, &store, true);
}

#[test]
fn binary_chunks_are_refused_however_they_reach_load() {
    let (mut vm, _store) = prepared(GENEROUS);
    let refusal = string("attempt to load a binary chunk (lua.wasm loads text chunks only)");
    assert_eq!(
        survived(&mut vm, "binary_chunk_reader").values,
        [
            Value::Nil,
            refusal.clone(),
            Value::Nil,
            refusal,
            Value::Nil,
            string("attempt to load a binary chunk (mode is 't')"),
        ]
    );
}

#[test]
fn giant_sources_are_refused_or_run_out_of_memory() {
    let (mut vm, store) = prepared(GENEROUS);
    // From the host: more than the I/O buffer holds is refused before the module sees it.
    let giant = "x = 1 ".repeat(2_000_000);
    let e = vm.run(&giant).unwrap_err();
    assert!(
        matches!(e, Error::CodeTooLarge { len, max: 65536 } if len == giant.len()),
        "{e:?}"
    );
    assert_recovered(&mut vm, &store, true);
    // From Lua: `load` of an endless source fails; memory runs out first.
    assert_eq!(
        survived(&mut vm, "endless_source").values,
        [Value::Nil, string("not enough memory")]
    );
}

#[test]
fn deeply_nested_syntax_is_a_load_error_and_long_flat_chains_compile() {
    // Compiling the flat chains of 100,000 terms takes more than the default 2 MB.
    let options = VmOptions::default()
        .timeout(Some(GENEROUS))
        .memory_limit(32 * 1024 * 1024);
    let (mut vm, _store) = prepared_with(options);
    let report = text(&survived(&mut vm, "deep_nesting").values[0]);
    let expected = [
        "parentheses: C stack overflow",
        "tables: C stack overflow",
        "unary minus: C stack overflow",
        "not: C stack overflow",
        "functions: C stack overflow",
        "blocks: C stack overflow",
        "ifs: C stack overflow",
        "fields: compiled",
        "calls: compiled",
        "sums: compiled",
        "concatenations: C stack overflow",
        "powers: C stack overflow",
    ];
    assert_eq!(report.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn output_and_warnings_without_end_are_stopped_at_the_hosts_output_limit() {
    for flood in ["output_flood", "warning_flood"] {
        let (mut vm, store) = prepared(GENEROUS);
        let e = failed(&mut vm, flood);
        let Error::Module(message) = &e else {
            panic!("{flood}: {e:?}")
        };
        assert!(
            message.contains("the call printed more than 64 MiB"),
            "{flood}: {message}"
        );
        let (stdout, stderr) = vm.take_channel_output();
        assert!(
            stdout.len() + stderr.len() <= 64 << 20,
            "{flood}: the host kept {} bytes",
            stdout.len() + stderr.len()
        );
        assert_recovered(&mut vm, &store, false);
    }
}

#[test]
fn home_writes_without_end_are_stopped_at_the_hosts_write_limit() {
    let (mut vm, store) = prepared(GENEROUS);
    let e = failed(&mut vm, "home_flood");
    assert!(
        matches!(&e, Error::Module(m) if m.contains("the call wrote more than 64 MiB to the table store")),
        "{e:?}"
    );
    assert_recovered(&mut vm, &store, false);
}
