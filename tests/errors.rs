//! Lua errors in lua.wasm behave as in native Lua (messages, pcall, xpcall, tracebacks,
//! coroutines, metamethods, memory and stack exhaustion, syntax), and after every one
//! of them the same VM goes on working.

use lua_wasm::{Value, Vm};

use crate::support::{eval, lua_error, string, value, vm};

/// The VM still runs code and keeps its globals.
fn assert_usable(vm: &mut Vm) {
    eval(vm, "survivor = (survivor or 0) + 1");
    assert!(matches!(value(vm, "return survivor"), Value::Integer(n) if n >= 1));
    assert_eq!(value(vm, "return ('ok'):upper()"), string("OK"));
}

#[test]
fn error_with_a_string_reports_position_and_traceback() {
    let mut vm = vm();
    let message = lua_error(&mut vm, "local x = 1\nerror('boom')");
    assert!(
        message.starts_with("[string \"local x = 1...\"]:2: boom\nstack traceback:\n"),
        "{message}"
    );
    assert!(message.contains("in main chunk"), "{message}");
    assert_usable(&mut vm);
}

#[test]
fn error_values_that_are_not_strings_are_described() {
    let mut vm = vm();
    assert!(lua_error(&mut vm, "error({code = 1})").starts_with("(error object is a table value)"));
    assert_eq!(
        lua_error(
            &mut vm,
            "error(setmetatable({}, {__tostring = function() return 'custom' end}))"
        ),
        "custom"
    );
    assert!(lua_error(&mut vm, "error(42)").starts_with("42\nstack traceback:"));
    assert_usable(&mut vm);
}

#[test]
fn pcall_and_xpcall_catch_errors_with_their_values() {
    let mut vm = vm();
    let values = eval(&mut vm, "return pcall(error, {1})").values;
    assert_eq!(values[0], Value::Boolean(false));
    assert!(matches!(values[1], Value::Table(_)));
    let values = eval(
        &mut vm,
        "return xpcall(function() error('deep') end, debug.traceback)",
    )
    .values;
    assert_eq!(values[0], Value::Boolean(false));
    let Value::String(trace) = &values[1] else {
        panic!("{values:?}")
    };
    let trace = String::from_utf8_lossy(trace);
    assert!(
        trace.contains("deep") && trace.contains("stack traceback:"),
        "{trace}"
    );
    assert_eq!(
        value(&mut vm, "return select('#', pcall(error))"),
        Value::Integer(2)
    );
}

#[test]
fn errors_inside_metamethods_propagate_and_can_be_caught() {
    let mut vm = vm();
    let code =
        "local t = setmetatable({}, {__add = function() error('no adding') end}) return t + 1";
    assert!(lua_error(&mut vm, code).contains("no adding"));
    let code = "local t = setmetatable({}, {__index = function(_, k) error('no ' .. k) end})
                return pcall(function() return t.key end)";
    let values = eval(&mut vm, code).values;
    assert_eq!(values[0], Value::Boolean(false));
    assert!(matches!(&values[1], Value::String(s) if s.ends_with(b"no key")));
    assert_usable(&mut vm);
}

#[test]
fn errors_inside_coroutines_end_the_coroutine_only() {
    let mut vm = vm();
    let code = "local co = coroutine.create(function() coroutine.yield(1) error('inside') end)
                local a, b = coroutine.resume(co)
                local c, d = coroutine.resume(co)
                return a, b, c, d, coroutine.status(co)";
    let values = eval(&mut vm, code).values;
    assert_eq!(
        values[..3],
        [
            Value::Boolean(true),
            Value::Integer(1),
            Value::Boolean(false)
        ]
    );
    assert!(matches!(&values[3], Value::String(s) if s.ends_with(b"inside")));
    assert_eq!(values[4], string("dead"));
    assert!(
        lua_error(&mut vm, "coroutine.wrap(function() error('wrapped') end)()").contains("wrapped")
    );
    assert_usable(&mut vm);
}

#[test]
fn coroutine_close_runs_pending_to_be_closed_variables() {
    let mut vm = vm();
    let code = "local log = {}
                local co = coroutine.create(function()
                  local x <close> = setmetatable({}, {__close = function() log[#log + 1] = 'closed' end})
                  coroutine.yield()
                end)
                coroutine.resume(co)
                local ok = coroutine.close(co)
                return ok, log[1], coroutine.status(co)";
    assert_eq!(
        eval(&mut vm, code).values,
        vec![Value::Boolean(true), string("closed"), string("dead")]
    );
}

#[test]
fn running_out_of_memory_is_a_not_enough_memory_error() {
    let mut vm = vm();
    let message = lua_error(&mut vm, "local t = {} for i = 1, 1e8 do t[i] = {} end");
    assert_eq!(message, "not enough memory");
    assert!(lua_error(&mut vm, "return string.rep('x', 1e9)").starts_with("not enough memory"));
    let values = eval(&mut vm, "return pcall(string.rep, 'x', 1e8)").values;
    assert_eq!(
        values,
        vec![Value::Boolean(false), string("not enough memory")]
    );
    assert_usable(&mut vm);
}

#[test]
fn c_stack_overflow_is_a_stack_overflow_error() {
    let mut vm = vm();
    let code = "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) return t.x";
    let message = lua_error(&mut vm, code);
    assert!(message.contains("stack overflow"), "{message}");
    let code = "local function f(s) return (string.gsub(s, '.', f)) end return f('x')";
    assert!(lua_error(&mut vm, code).contains("stack overflow"));
    assert_usable(&mut vm);
}

#[test]
fn deep_lua_recursion_fails_cleanly() {
    let mut vm = vm();
    let message = lua_error(
        &mut vm,
        "local function f(n) return 1 + f(n + 1) end return f(1)",
    );
    assert!(
        message.contains("stack overflow") || message.contains("not enough memory"),
        "{message}"
    );
    assert_usable(&mut vm);
}

#[test]
fn syntax_errors_name_the_problem_and_have_no_traceback() {
    let mut vm = vm();
    assert_eq!(
        lua_error(&mut vm, "return 1 +"),
        "[string \"return 1 +\"]:1: unexpected symbol near <eof>"
    );
    assert_eq!(
        lua_error(&mut vm, "x = = 1"),
        "[string \"x = = 1\"]:1: unexpected symbol near '='"
    );
    assert_eq!(
        lua_error(&mut vm, "for i = 1 do end"),
        "[string \"for i = 1 do end\"]:1: ',' expected near 'do'"
    );
    assert_usable(&mut vm);
}

#[test]
fn a_host_can_give_lua_more_memory_than_the_default_two_megabytes() {
    use std::sync::Arc;
    let options = lua_wasm::VmOptions::default().memory_limit(16 * 1024 * 1024);
    let mut big = Vm::with_options(
        crate::support::engine(),
        Arc::new(lua_wasm::MemoryStore::new()),
        options,
    )
    .unwrap();
    let code = "local t = {} for i = 1, 8 do t[i] = string.rep(tostring(i), 1000000) end return #t";
    assert_eq!(value(&mut big, code), Value::Integer(8));
    assert!(
        big.memory_stats().unwrap().wasm_pages > 32,
        "the module grew past 2 MB"
    );
    assert_eq!(
        lua_error(&mut vm(), code),
        "not enough memory",
        "the default VM stays at 2 MB"
    );
}
