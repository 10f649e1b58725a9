//! The seed examples (shared/seeds 000-002 and the original hosts' code) give the values
//! and result sizes they document, through a bare seed-style host.

use lua_wasm_abi::value::{self, Value};

use crate::support::bare_host::BareHost;

/// Splits a successful result into (output, encoded values).
fn split(result: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let n = lua_wasm_abi::output_len(result).unwrap();
    (result[4..4 + n].to_vec(), result[4 + n..].to_vec())
}

#[test]
fn arithmetic_returns_a_nine_byte_integer_four() {
    let mut host = BareHost::new(Default::default());
    let (status, result) = host.compute("return 2 + 2");
    assert_eq!(status, 4 + 9);
    let (output, values) = split(&result);
    assert!(output.is_empty());
    assert_eq!(values.len(), 9, "a number result is 9 bytes");
    assert_eq!(value::decode_all(&values).unwrap(), vec![Value::Integer(4)]);
}

#[test]
fn string_concatenation_returns_twenty_bytes() {
    let mut host = BareHost::new(Default::default());
    let (_, result) = host.compute("return 'Hello ' .. 'from Lua!'");
    let (_, values) = split(&result);
    assert_eq!(values.len(), 20, "'Hello from Lua!' is 20 bytes");
    assert_eq!(values[0], value::STRING);
    assert_eq!(&values[5..], b"Hello from Lua!");
}

#[test]
fn home_counter_goes_one_then_two_and_is_one_nine_byte_entry_of_table_one() {
    let mut host = BareHost::new(Default::default());
    let code = "_home.counter = (_home.counter or 0) + 1; return _home.counter";
    for expected in [1, 2] {
        let (_, result) = host.compute(code);
        assert_eq!(
            value::decode_all(&split(&result).1).unwrap(),
            vec![Value::Integer(expected)]
        );
    }
    let tables = host.store.data();
    assert_eq!(
        tables.len(),
        1,
        "only table 1 (_home) exists: {:?}",
        tables.keys()
    );
    assert_eq!(tables[&1].len(), 1);
    assert_eq!(tables[&1][&b"counter"[..].to_vec()].len(), 9);
}

#[test]
fn division_by_zero_is_a_float_infinity() {
    let mut host = BareHost::new(Default::default());
    let (_, result) = host.compute("return 1 / 0");
    let (_, values) = split(&result);
    assert_eq!(values[0], value::FLOAT, "a float keeps its own tag (0x03)");
    assert_eq!(
        value::decode_all(&values).unwrap(),
        vec![Value::Float(f64::INFINITY)]
    );
}

#[test]
fn print_output_comes_before_the_value_with_its_length() {
    let mut host = BareHost::new(Default::default());
    let (_, result) = host.compute("print('Hello from Lua!'); return 'done'");
    let (output, values) = split(&result);
    assert_eq!(output, b"Hello from Lua!\n");
    assert_eq!(
        value::decode_all(&values).unwrap(),
        vec![Value::String(b"done".to_vec())]
    );
}

#[test]
fn memory_stats_are_three_real_figures_at_the_given_pointer() {
    let mut host = BareHost::new(Default::default());
    host.compute("big = string.rep('x', 100000)");
    let ptr = host.buffer_ptr;
    let stats = host
        .instance
        .get_typed_func::<i32, ()>(&mut host.store, "get_memory_stats")
        .unwrap();
    stats.call(&mut host.store, ptr as i32).unwrap();
    let bytes = host.read(ptr, 12);
    let word = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap());
    assert_eq!(word(0), 65536, "I/O buffer size");
    assert!(
        word(4) > 100_000,
        "Lua memory in use counts the 100 KB string, got {}",
        word(4)
    );
    assert_eq!(word(8), 32, "2 MB of pages");
}
