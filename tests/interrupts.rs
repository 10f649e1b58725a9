//! Deadlines interrupt a script wherever it is, and the VM is as consistent afterwards as
//! after any Lua error.
//!
//! When a call's deadline passes, wasmtime calls the guest's `interrupt` export from the
//! middle of whatever the guest was doing (an allocation, a table resize, the collector,
//! a coroutine switch, an import call's aftermath). `interrupt` only sets Lua's count
//! hook, which Lua allows at any instant, and the script then fails at its next Lua
//! instruction. These tests interrupt many kinds of busy scripts at many different
//! moments and check, after each, that the state still works: the collector runs, a
//! table built beforehand is intact, coroutines and errors behave, no hook is left over,
//! and the interrupted call's `_home` writes were undone.

use std::sync::Arc;
use std::time::Duration;

use lua_wasm::{Error, MemoryStore, TableStoreExt, Value, Vm, VmOptions};

use crate::support::engine;

/// Endless scripts, each busy with a different part of Lua when the deadline strikes.
const BUSY_SCRIPTS: &[(&str, &str)] = &[
    (
        "table churn",
        "while true do local t = {} for i = 1, 100 do t[i] = {i, tostring(i)} end end",
    ),
    (
        "string building",
        "while true do local s = {} for i = 1, 200 do s[#s + 1] = i .. 'x' end s = table.concat(s, ',') end",
    ),
    (
        "coroutine ping-pong",
        "local co = coroutine.wrap(function() while true do coroutine.yield(1) end end)
         while true do co() end",
    ),
    (
        "nested coroutines made and dropped",
        "while true do coroutine.wrap(function() coroutine.wrap(function() local t = {1, 2, 3} end)() end)() end",
    ),
    ("errors caught", "while true do pcall(error, {}) end"),
    (
        "gsub calling Lua",
        "while true do ('abc'):rep(50):gsub('%w', function(c) return c:upper() end) end",
    ),
    (
        "_home writes",
        "local i = 0 while true do i = i + 1 _home.counter = i _home['k' .. i % 50] = i end",
    ),
    (
        "finalizers",
        // (Stepping the collector: left alone, objects with finalizers can outrun it
        // within 2 MB, and that call would end in "not enough memory" instead.)
        "local mt = {__gc = function() local x = {} end}
         while true do for i = 1, 20 do setmetatable({}, mt) end collectgarbage('step') end",
    ),
    (
        "sorting with a Lua comparator",
        "while true do local t = {} for i = 1, 300 do t[i] = (i * 7919) % 1000 end
         table.sort(t, function(a, b) return a < b end) end",
    ),
    (
        "formatting",
        "while true do local s = string.format('%5.2f %d %s %q', 3.14159, 42, 'x', 'y\\n') end",
    ),
];

/// Built before the interruptions; checked after each.
const REFERENCE: &str = "reference = {} for i = 1, 2000 do reference[i] = {n = i, s = 'v' .. i} end
    function reference_sum() local s = 0 for i, v in ipairs(reference) do
      assert(v.n == i and v.s == 'v' .. i) s = s + v.n end return s end
    return reference_sum()";

/// What every check returns: the reference's sum, a coroutine's two results, a caught
/// error, the hook (none), and the interrupted calls' `_home` writes (none).
const CHECK: &str = "collectgarbage() collectgarbage()
    local co = coroutine.wrap(function() coroutine.yield(1) return 2 end)
    local a, b = co(), co()
    local ok, e = pcall(error, 'boom', 0)
    return reference_sum(), a + b, not ok and e, debug.gethook(), _home.counter";

#[test]
fn interrupting_any_busy_script_at_any_moment_leaves_a_consistent_vm() {
    let store = Arc::new(MemoryStore::new());
    let mut vm = Vm::with_options(engine(), store.clone(), VmOptions::default()).unwrap();
    assert_eq!(vm.run(REFERENCE).unwrap().values, [Value::Integer(2001000)]);
    // Deadlines of several lengths, so that each script is caught at different points.
    for millis in [6, 11, 17, 29] {
        vm.set_timeout(Some(Duration::from_millis(millis)));
        for (what, script) in BUSY_SCRIPTS {
            match vm.run(script) {
                Err(Error::Timeout {
                    vm_reset: false, ..
                }) => {}
                other => panic!("{what} after {millis} ms: {other:?}"),
            }
            vm.set_timeout(Some(Duration::from_secs(10)));
            let check = vm.run(CHECK).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(
                check.values,
                [
                    Value::Integer(2001000),
                    Value::Integer(3),
                    Value::String(b"boom".to_vec()),
                    Value::Nil,
                    Value::Nil,
                ],
                "{what} after {millis} ms"
            );
            vm.set_timeout(Some(Duration::from_millis(millis)));
        }
    }
    assert_eq!(
        store.len(lua_wasm_abi::table_id::HOME).unwrap(),
        0,
        "no interrupted write reached the store"
    );
}
