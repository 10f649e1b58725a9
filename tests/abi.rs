//! The buffer protocol of docs/ABI.md through a bare seed-style host, including every kind
//! of bad input a host can pass: each gets an error result, never a trap.

use lua_wasm_abi::value::{self, Value};

use crate::support::bare_host::BareHost;

fn values(result: &[u8]) -> Vec<Value> {
    let n = lua_wasm_abi::output_len(result).unwrap();
    value::decode_all(&result[4 + n..]).unwrap()
}

#[test]
fn a_chunk_with_no_output_and_no_values_returns_zero() {
    let mut host = BareHost::new(Default::default());
    assert_eq!(host.compute("local x = 1").0, 0);
    assert_eq!(host.compute("").0, 0);
}

#[test]
fn several_return_values_follow_each_other_in_order() {
    let mut host = BareHost::new(Default::default());
    let (_, result) = host.compute("return 1, 2.5, nil, true, 'x'");
    assert_eq!(
        values(&result),
        vec![
            Value::Integer(1),
            Value::Float(2.5),
            Value::Nil,
            Value::Boolean(true),
            Value::String(b"x".to_vec())
        ]
    );
}

#[test]
fn tables_are_returned_inline_with_their_pairs() {
    let mut host = BareHost::new(Default::default());
    let (_, result) = host.compute("return {10, 20, name = 'n'}");
    let Ok::<[Value; 1], _>([Value::Table(mut pairs)]) = values(&result).try_into() else {
        panic!("not one table")
    };
    pairs.sort_by_key(|(k, _)| format!("{k:?}"));
    assert_eq!(
        pairs,
        vec![
            (Value::Integer(1), Value::Integer(10)),
            (Value::Integer(2), Value::Integer(20)),
            (
                Value::String(b"name".to_vec()),
                Value::String(b"n".to_vec())
            ),
        ]
    );
}

#[test]
fn errors_are_minus_length_minus_one_with_the_message_at_the_buffer_start() {
    let mut host = BareHost::new(Default::default());
    let (status, message) = host.compute("error('boom')");
    assert!(status < 0);
    assert_eq!(message.len() as i32, -status - 1);
    let message = String::from_utf8(message).unwrap();
    assert!(
        message.starts_with("[string \"error('boom')\"]:1: boom\nstack traceback:"),
        "{message}"
    );
}

#[test]
fn code_longer_than_the_buffer_is_an_error_not_a_trap() {
    let mut host = BareHost::new(Default::default());
    let ptr = host.buffer_ptr as i32;
    let status = host.call("compute", (ptr, 70_000));
    let message = String::from_utf8(host.read(host.buffer_ptr, (-status - 1) as usize)).unwrap();
    assert!(
        message.contains("70000 bytes") && message.contains("65536"),
        "{message}"
    );
}

#[test]
fn bad_pointers_and_lengths_are_errors_not_traps() {
    let mut host = BareHost::new(Default::default());
    for (ptr, len) in [(0x7fff_fff0, 100), (-16, 32), (host.buffer_ptr as i32, -1)] {
        let status = host.call("compute", (ptr, len));
        assert!(status < 0, "compute({ptr}, {len}) = {status}");
    }
    let stats = host
        .instance
        .get_typed_func::<i32, ()>(&mut host.store, "get_memory_stats")
        .unwrap();
    stats
        .call(&mut host.store, -4)
        .expect("a stats pointer outside memory is ignored");
    assert_eq!(
        values(&host.compute("return 'still fine'").1),
        vec![Value::String(b"still fine".to_vec())]
    );
}

#[test]
fn eval_runs_code_already_in_the_buffer() {
    let mut host = BareHost::new(Default::default());
    let code = b"return 6 * 7";
    let memory = host.instance.get_memory(&mut host.store, "memory").unwrap();
    memory.data_mut(&mut host.store)[host.buffer_ptr..host.buffer_ptr + code.len()]
        .copy_from_slice(code);
    let eval = host
        .instance
        .get_typed_func::<i32, i32>(&mut host.store, "eval")
        .unwrap();
    let status = eval.call(&mut host.store, code.len() as i32).unwrap();
    assert_eq!(
        values(&host.read(host.buffer_ptr, status as usize)),
        vec![Value::Integer(42)]
    );
}

#[test]
fn init_twice_keeps_the_state() {
    let mut host = BareHost::new(Default::default());
    host.compute("kept = 'yes'");
    let init = host
        .instance
        .get_typed_func::<(), i32>(&mut host.store, "init")
        .unwrap();
    assert_eq!(init.call(&mut host.store, ()).unwrap(), 0);
    assert_eq!(
        values(&host.compute("return kept").1),
        vec![Value::String(b"yes".to_vec())]
    );
}

#[test]
fn run_gc_reports_the_bytes_it_freed() {
    let mut host = BareHost::new(Default::default());
    host.compute("garbage = {} for i = 1, 1000 do garbage[i] = {i} end garbage = nil");
    let run_gc = host
        .instance
        .get_typed_func::<(), i32>(&mut host.store, "run_gc")
        .unwrap();
    let freed = run_gc.call(&mut host.store, ()).unwrap();
    assert!(
        freed > 30_000,
        "a thousand small tables are well over 30 KB, freed {freed}"
    );
    assert!(
        run_gc.call(&mut host.store, ()).unwrap() < freed,
        "a second collection finds less"
    );
}

#[test]
fn a_seed_style_host_keeps_values_up_to_the_buffer_size() {
    let mut host = BareHost::new(Default::default());
    host.compute("_home.big = string.rep('x', 60000)");
    assert_eq!(
        values(&host.compute("return #_home.big").1),
        vec![Value::Integer(60000)]
    );
}

#[test]
fn a_seed_style_host_lists_more_keys_than_fit_in_one_buffer() {
    let mut host = BareHost::new(Default::default());
    let (status, _) =
        host.compute("for i = 1, 3000 do _home['a fairly long key number ' .. i] = i end");
    assert_eq!(status, 0);
    let (_, result) = host.compute(
        "local n, sum = 0, 0 for k, v in pairs(_home) do n = n + 1 sum = sum + v end return n, sum",
    );
    assert_eq!(
        values(&result),
        vec![Value::Integer(3000), Value::Integer(3000 * 3001 / 2)]
    );
}
