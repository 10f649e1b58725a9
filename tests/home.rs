//! `_home`: a global table kept by the host. It persists across calls and across fresh
//! instances given the same store; nested tables persist by reference; keys of every
//! storable type round-trip without collisions; anything else is a clear error.

use std::sync::Arc;

use lua_wasm::{MemoryStore, TableStoreExt, Value};
use lua_wasm_abi::value;

use crate::support::{eval, lua_error, string, value, vm, vm_over};

#[test]
fn home_persists_across_calls_and_across_fresh_instances_over_the_same_store() {
    let store = Arc::new(MemoryStore::new());
    let mut first = vm_over(&store);
    eval(&mut first, "_home.visits = 1; _home.name = 'ada'");
    assert_eq!(
        value(
            &mut first,
            "_home.visits = _home.visits + 1; return _home.visits"
        ),
        Value::Integer(2)
    );
    drop(first);
    let mut second = vm_over(&store);
    assert_eq!(
        eval(&mut second, "return _home.visits, _home.name").values,
        vec![Value::Integer(2), string("ada")]
    );
}

#[test]
fn nested_tables_persist_by_reference() {
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_over(&store);
    eval(&mut vm, "_home.player = {}; _home.player.hp = 5");
    eval(&mut vm, "_home.player.inventory = {'sword', 'shield'}");
    let mut fresh = vm_over(&store);
    assert_eq!(
        eval(
            &mut fresh,
            "return _home.player.hp, _home.player.inventory[2], #_home.player.inventory"
        )
        .values,
        vec![Value::Integer(5), string("shield"), Value::Integer(2)]
    );
}

#[test]
fn plain_tables_are_copied_in_once_with_sharing_and_cycles_kept() {
    let mut vm = vm();
    eval(
        &mut vm,
        "local shared = {n = 1}; local t = {a = shared, b = shared}; t.self = t; _home.t = t",
    );
    assert_eq!(
        eval(
            &mut vm,
            "local t = _home.t return t.a == t.b, t.self == t, t.self.self.a.n"
        )
        .values,
        vec![
            Value::Boolean(true),
            Value::Boolean(true),
            Value::Integer(1)
        ]
    );
    assert_eq!(
        value(
            &mut vm,
            "_home.alias = _home.t.a; _home.alias.n = 7; return _home.t.b.n"
        ),
        Value::Integer(7)
    );
}

#[test]
fn keys_of_every_storable_type_round_trip_without_collisions() {
    let mut vm = vm();
    eval(
        &mut vm,
        r#"_home[1] = 'int'; _home['1'] = 'str'; _home[1.5] = 'float'; _home[true] = 'bool'
           _home[''] = 'empty'; _home['two\nlines'] = 'newline'; _home['nul\0byte'] = 'nul'
           _home['\255\1'] = 'binary'; _home[math.mininteger] = 'min'; _home[1/0] = 'inf'
           _home.sub = {}; _home[_home.sub] = 'table key'"#,
    );
    let code = r#"local seen = {}
        for k, v in pairs(_home) do seen[#seen + 1] = math.type(k) or type(k) end
        return _home[1], _home['1'], _home[1.5], _home[true], _home[''], _home['two\nlines'],
               _home['nul\0byte'], _home['\255\1'], _home[math.mininteger], _home[1/0],
               _home[_home.sub], #seen"#;
    let expected = [
        "int",
        "str",
        "float",
        "bool",
        "empty",
        "newline",
        "nul",
        "binary",
        "min",
        "inf",
        "table key",
    ];
    let mut values = eval(&mut vm, code).values;
    assert_eq!(
        values.pop(),
        Some(Value::Integer(12)),
        "pairs sees all twelve keys"
    );
    assert_eq!(values, expected.map(string).to_vec());
}

#[test]
fn pairs_gives_keys_their_original_types() {
    let mut vm = vm();
    eval(
        &mut vm,
        "_home[7] = 'a'; _home['7'] = 'b'; _home[false] = 'c'; _home[0.25] = 'd'",
    );
    let code = "local out = {} for k, v in pairs(_home) do out[#out + 1] = (math.type(k) or type(k)) .. '=' .. v end
                table.sort(out) return table.concat(out, ' ')";
    assert_eq!(
        value(&mut vm, code),
        string("boolean=c float=d integer=a string=b")
    );
}

#[test]
fn float_keys_are_stored_as_rust_s_exponential_format_spells_them() {
    // lua.wasm spells float keys with lua-wasm-decimal; stores written while `{:e}` spelled
    // them hold that text, so the two must agree (docs/ABI.md, "Keys"). Each key's value is
    // its float's bits, so the host can spell the float itself and compare.
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_over(&store);
    eval(
        &mut vm,
        r#"math.randomseed(5)
           local function key(x) _home[x] = string.unpack('<i8', string.pack('<d', x)) end
           for _ = 1, 3000 do
               local x = string.unpack('<d', string.pack('<i8', math.random(0)))
               if x == x and not math.tointeger(x) then key(x) end
           end
           for _, x in ipairs({1.5, 0.1, -2.5e-7, 1e300, 5e-324, 1/0, -1/0, 0.1 + 0.2,
                               2^-1074 * 3, 1e23, 2^63, 562949953421313.25}) do
               key(x)
           end"#,
    );
    let mut floats = 0;
    for key in store.keys(1).unwrap() {
        let Some(text) = key.strip_prefix(b"\x01f") else {
            continue;
        };
        let stored = store.get(1, &key).unwrap().unwrap();
        let Ok((value::Value::Integer(bits), _)) = value::decode(&stored) else {
            panic!("the value of {key:?} is not an integer: {stored:?}");
        };
        let x = f64::from_bits(bits as u64);
        assert_eq!(
            String::from_utf8_lossy(text),
            format!("{x:e}"),
            "the key of {x:?} ({bits:#018x})"
        );
        floats += 1;
    }
    assert!(floats > 2900, "{floats} float keys");
}

#[test]
fn floats_with_integer_values_are_the_same_key_as_the_integer() {
    let mut vm = vm();
    assert_eq!(
        value(&mut vm, "_home[2.0] = 'two' return _home[2]"),
        string("two")
    );
}

#[test]
fn deleting_by_assigning_nil_removes_the_key() {
    let store = Arc::new(MemoryStore::new());
    let mut vm = vm_over(&store);
    eval(&mut vm, "_home.a = 1; _home.b = 2; _home.a = nil");
    assert_eq!(
        value(
            &mut vm,
            "local n = 0 for _ in pairs(_home) do n = n + 1 end return n"
        ),
        Value::Integer(1)
    );
    assert_eq!(store.keys(1).unwrap(), vec![b"b".to_vec()]);
}

#[test]
fn length_next_ipairs_and_table_functions_work_on_external_tables() {
    let mut vm = vm();
    eval(
        &mut vm,
        "_home.list = {}; for i = 1, 10 do table.insert(_home.list, i * i) end",
    );
    assert_eq!(value(&mut vm, "return #_home.list"), Value::Integer(10));
    assert_eq!(
        value(
            &mut vm,
            "local s = 0 for _, v in ipairs(_home.list) do s = s + v end return s"
        ),
        Value::Integer(385)
    );
    assert_eq!(
        value(&mut vm, "return table.remove(_home.list)"),
        Value::Integer(100)
    );
    assert_eq!(
        value(&mut vm, "return table.concat(_home.list, ',', 1, 3)"),
        string("1,4,9")
    );
    assert_eq!(
        value(&mut vm, "return next({}) == nil and next(_home) ~= nil"),
        Value::Boolean(true)
    );
}

#[test]
fn iteration_skips_keys_deleted_during_the_walk() {
    let mut vm = vm();
    eval(&mut vm, "for i = 1, 10 do _home['k' .. i] = i end");
    let code = "local n = 0 for k in pairs(_home) do n = n + 1 for j = 1, 10 do _home['k' .. j] = nil end end return n";
    assert_eq!(value(&mut vm, code), Value::Integer(1));
}

#[test]
fn home_looks_like_a_table_whose_machinery_is_hidden() {
    let mut vm = vm();
    assert_eq!(
        eval(&mut vm, "return type(_home), getmetatable(_home)").values,
        vec![string("table"), string("external table")]
    );
    assert!(lua_error(&mut vm, "setmetatable(_home, {})")
        .contains("cannot change a protected metatable"));
}

#[test]
fn values_that_cannot_persist_are_clear_errors() {
    let mut vm = vm();
    let message = lua_error(&mut vm, "_home.f = print");
    assert!(
        message.contains("cannot store a function in an external table"),
        "{message}"
    );
    assert!(lua_error(&mut vm, "_home[coroutine.create(print)] = 1")
        .contains("cannot use a thread as an external table key"));
    assert!(lua_error(&mut vm, "_home[nil] = 1")
        .starts_with("[string \"_home[nil] = 1\"]:1: index is nil"));
    assert!(lua_error(&mut vm, "_home[0/0] = 1").contains("index is NaN"));
    assert_eq!(
        value(&mut vm, "return _home[print]"),
        Value::Nil,
        "reading a key that cannot exist is nil"
    );
}

#[test]
fn corrupt_stored_values_are_clear_errors_not_wrong_values() {
    let store = Arc::new(MemoryStore::new());
    store.set(1, b"bad", &[0x42, 1, 2]).unwrap();
    store.set(1, b"short", &[0x02, 1]).unwrap();
    let mut vm = vm_over(&store);
    let message = lua_error(&mut vm, "return _home.bad");
    assert!(
        message.contains("external table 1 holds a corrupt value (key 'bad')"),
        "{message}"
    );
    assert!(lua_error(&mut vm, "return _home.short").contains("corrupt value (key 'short')"));
    assert_eq!(
        value(&mut vm, "_home.bad = 'fixed' return _home.bad"),
        string("fixed")
    );
}

#[test]
fn large_values_round_trip() {
    let mut vm = vm();
    eval(&mut vm, "_home.big = string.rep('abc', 100000)");
    assert_eq!(
        eval(&mut vm, "return #_home.big, _home.big:sub(-4)").values,
        vec![Value::Integer(300_000), string("cabc")]
    );
}

#[test]
fn the_proxy_machinery_refuses_tables_that_are_not_external() {
    let mut vm = vm();
    let message = lua_error(&mut vm, "return debug.getmetatable(_home).__index({}, 'x')");
    assert!(message.contains("external table expected"), "{message}");
}
