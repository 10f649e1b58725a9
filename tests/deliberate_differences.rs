//! The documented ways lua.wasm differs from native Lua on purpose (docs/ABI.md, "The Lua
//! environment"): what a script sees instead, and that each refusal says why. These are
//! kept out of the differential corpus (tests/lua/), which checks everything else against
//! native Lua.

use lua_wasm::Value;

use crate::support::{eval, lua_error, string, value, vm};

/// The values a chunk returns.
fn values(code: &str) -> Vec<Value> {
    eval(&mut vm(), code).values
}

#[test]
fn there_is_no_io_library() {
    let mut vm = vm();
    assert_eq!(value(&mut vm, "return type(io)"), string("nil"));
    assert_eq!(value(&mut vm, "return package.loaded.io"), Value::Nil);
    let message = lua_error(&mut vm, "io.write('x')");
    assert!(
        message.starts_with(
            "[string \"io.write('x')\"]:1: attempt to index a nil value (global 'io')"
        ),
        "{message}"
    );
}

#[test]
fn dofile_and_loadfile_fail_as_for_a_missing_file() {
    assert_eq!(
        values("return pcall(dofile, 'x.lua')"),
        [
            Value::Boolean(false),
            string("cannot open x.lua: No such file or directory")
        ]
    );
    assert_eq!(
        values("return loadfile('x.lua')"),
        [
            Value::Nil,
            string("cannot open x.lua: No such file or directory")
        ]
    );
    // Without a file name both read standard input, which is always at its end.
    assert_eq!(values("return select('#', dofile())"), [Value::Integer(0)]);
}

#[test]
fn require_finds_only_preloaded_modules() {
    let mut vm = vm();
    let message = match &values("return pcall(require, 'nomod')")[1] {
        Value::String(s) => String::from_utf8_lossy(s).into_owned(),
        other => panic!("{other:?}"),
    };
    assert!(
        message.starts_with(
            "module 'nomod' not found:\n\tno field package.preload['nomod']\n\tno file '"
        ),
        "{message}"
    );
    assert_eq!(
        value(
            &mut vm,
            "package.preload.m = function(name) return {name = name} end return require('m').name"
        ),
        string("m")
    );
}

#[test]
fn debug_sethook_is_refused_because_the_budget_and_deadline_own_the_hook() {
    let mut vm = vm();
    let message = lua_error(&mut vm, "debug.sethook(print, 'l')");
    assert!(
        message.starts_with(
            "[string \"debug.sethook(print, 'l')\"]:1: debug.sethook is not available in \
             lua.wasm: the host's instruction budget and deadline use the hook\n"
        ),
        "{message}"
    );
    // Without a budget (the default) there is no hook, as in native Lua; with one,
    // debug.gethook shows the budget's count hook.
    assert_eq!(values("return debug.gethook()"), [Value::Nil]);
    vm.set_instruction_budget(Some(1_000_000));
    assert_eq!(
        eval(&mut vm, "return debug.gethook()").values,
        [string("external hook"), string(""), Value::Integer(1000)]
    );
}

#[test]
fn os_exit_raises_an_error_instead_of_ending_the_process() {
    let mut vm = vm();
    for code in ["os.exit()", "os.exit(0)", "os.exit(true, true)"] {
        let message = lua_error(&mut vm, code);
        let expected = format!(
            "[string \"{code}\"]:1: os.exit is not available in lua.wasm: \
             the host decides when a script ends\n"
        );
        assert!(message.starts_with(&expected), "{code}: {message}");
    }
    assert_eq!(
        value(&mut vm, "return 'still running'"),
        string("still running")
    );
}

#[test]
fn os_getenv_sees_no_environment() {
    assert_eq!(
        values("return os.getenv('HOME'), os.getenv('PATH'), os.getenv('')"),
        [Value::Nil, Value::Nil, Value::Nil]
    );
}

#[test]
fn os_execute_has_no_shell() {
    assert_eq!(values("return os.execute()"), [Value::Boolean(false)]);
    assert_eq!(
        values("return os.execute('ls')"),
        [Value::Nil, string("exit"), Value::Integer(-1)]
    );
}

#[test]
fn files_cannot_be_removed_renamed_or_created() {
    assert_eq!(
        values("return os.remove('x.txt')"),
        [
            Value::Nil,
            string("x.txt: No such file or directory"),
            Value::Integer(2)
        ]
    );
    assert_eq!(
        values("return os.rename('a', 'b')"),
        [
            Value::Nil,
            string("No such file or directory"),
            Value::Integer(2)
        ]
    );
    assert_eq!(
        values("return pcall(os.tmpname)"),
        [
            Value::Boolean(false),
            string("unable to generate a unique filename")
        ]
    );
}

#[test]
fn the_only_locale_is_c() {
    assert_eq!(
        values(
            "return os.setlocale(), os.setlocale('C'), os.setlocale('POSIX'), os.setlocale(''), \
             os.setlocale(nil, 'numeric')"
        ),
        [
            string("C"),
            string("C"),
            string("C"),
            string("C"),
            string("C")
        ]
    );
    assert_eq!(
        values("return os.setlocale('en_US.UTF-8'), os.setlocale('de_DE', 'numeric')"),
        [Value::Nil, Value::Nil]
    );
}

#[test]
fn the_calendar_is_utc() {
    // Local time is UTC: os.date without '!' equals os.date with it, and os.time reads a
    // date table as UTC.
    assert_eq!(
        values(
            "local t = 1234567890 \
             return os.date('%c', t) == os.date('!%c', t), os.date('*t', t).hour, \
             os.time{year = 1970, month = 1, day = 1, hour = 0}, \
             os.time{year = 2009, month = 2, day = 13, hour = 23, min = 31, sec = 30}"
        ),
        [
            Value::Boolean(true),
            Value::Integer(23),
            Value::Integer(0),
            Value::Integer(1234567890)
        ]
    );
    assert_eq!(
        values("return os.date('%z %Z', 0), os.date('*t', 0).isdst"),
        [string("+0000 UTC"), Value::Boolean(false)]
    );
}

#[test]
fn time_and_clock_come_from_the_host() {
    assert_eq!(
        values("return math.type(os.time()), math.type(os.clock()), os.time() > 0"),
        [string("integer"), string("float"), Value::Boolean(true)]
    );
}

#[test]
fn memory_is_two_megabytes_and_running_out_is_an_ordinary_error() {
    let mut vm = vm();
    assert_eq!(
        eval(&mut vm, "return pcall(string.rep, 'x', 4 * 1024 * 1024)").values,
        [Value::Boolean(false), string("not enough memory")]
    );
    let message = lua_error(&mut vm, "local t = {} for i = 1, 1e6 do t[i] = i end");
    assert!(message.starts_with("not enough memory"), "{message}");
    assert_eq!(value(&mut vm, "return 'usable'"), string("usable"));
}

#[test]
fn unbounded_lua_recursion_runs_out_of_memory_before_the_stack_limit() {
    // Native Lua stops at LUAI_MAXSTACK slots ("stack overflow"); those slots need about
    // 16 MB, more than the VM has, so here memory runs out first.
    let mut vm = vm();
    assert_eq!(
        eval(
            &mut vm,
            "return pcall(function() local function f() return 1 + f() end return f() end)"
        )
        .values,
        [Value::Boolean(false), string("not enough memory")]
    );
    assert_eq!(value(&mut vm, "return 'usable'"), string("usable"));
}

#[test]
fn load_refuses_binary_chunks_whatever_mode_is_asked() {
    // Crafted bytecode can break the Lua VM's invariants; lua.wasm replaces lundump.c
    // with a refusal (crates/guest/csrc/undump.c), so string.dump still works.
    let mut vm = vm();
    let code = "local dumped = string.dump(function() return 1 end)
                local f1, e1 = load(dumped)
                local f2, e2 = load(dumped, 'name', 'b')
                local f3 = load('return 2', 'name', 't', {})
                local f4 = load('return x', '=c', nil, {x = 3})
                return f1, e1, f2, e2, f3(), f4()";
    assert_eq!(
        eval(&mut vm, code).values,
        vec![
            Value::Nil,
            Value::String(
                b"attempt to load a binary chunk (lua.wasm loads text chunks only)".to_vec()
            ),
            Value::Nil,
            Value::String(
                b"attempt to load a binary chunk (lua.wasm loads text chunks only)".to_vec()
            ),
            Value::Integer(2),
            Value::Integer(3),
        ]
    );
    assert_eq!(
        value(&mut vm, "return load('return _G ~= nil')()"),
        Value::Boolean(true),
        "env stays global"
    );
    // Even a damaged one: natively "bad binary format", here the same refusal.
    assert_eq!(
        eval(&mut vm, "return load('\\27Lua garbage')").values[1],
        Value::String(b"attempt to load a binary chunk (lua.wasm loads text chunks only)".to_vec())
    );
    // compute itself refuses binary chunks the same way.
    assert!(lua_error(&mut vm, "\x1bLua").contains("attempt to load a binary chunk"));
}
