//! `print` output is captured and handed to the host, in order, however much there is;
//! warnings go to standard error.

use lua_wasm::Value;

use crate::support::{eval, lua_error, vm};

#[test]
fn print_writes_tab_separated_values_and_a_newline() {
    let mut vm = vm();
    let out = eval(&mut vm, "print(1, 2.5, 'x', nil, true) print()");
    assert_eq!(out.output, b"1\t2.5\tx\tnil\ttrue\n\n");
}

#[test]
fn more_output_than_the_buffer_holds_arrives_whole_and_in_order() {
    let mut vm = vm();
    let out = eval(&mut vm, "for i = 1, 20000 do print(i) end return 'end'");
    let expected: String = (1..=20000).map(|i| format!("{i}\n")).collect();
    assert!(expected.len() > 65536);
    assert_eq!(String::from_utf8(out.output).unwrap(), expected);
    assert_eq!(out.values, vec![Value::String(b"end".to_vec())]);
}

#[test]
fn one_print_larger_than_the_buffer_arrives_whole() {
    let mut vm = vm();
    let out = eval(&mut vm, "print(string.rep('y', 200000))");
    assert_eq!(out.output.len(), 200_001);
}

#[test]
fn output_printed_before_an_error_is_not_lost() {
    let mut vm = vm();
    let (error, (stdout, _)) = (
        lua_error(&mut vm, "print('before') error('after')"),
        vm.take_channel_output(),
    );
    assert!(error.contains("after"));
    assert_eq!(stdout, b"before\n");
}

#[test]
fn warnings_go_to_standard_error_once_enabled() {
    let mut vm = vm();
    let out = eval(
        &mut vm,
        "warn('hidden') warn('@on') warn('shown ', 'in pieces') print('out')",
    );
    assert_eq!(out.stderr, b"Lua warning: shown in pieces\n");
    assert_eq!(out.output, b"out\n");
}

#[test]
fn with_an_output_sink_print_arrives_while_the_script_runs() {
    use std::sync::{Arc, Mutex};
    let mut vm = vm();
    let seen = Arc::new(Mutex::new(Vec::<Vec<u8>>::new()));
    let sink = seen.clone();
    vm.set_output(move |bytes| sink.lock().unwrap().push(bytes.to_vec()));
    // Each print reaches the sink before the script's next statement runs.
    let out = eval(&mut vm, "print('first') print('second') return 1");
    assert!(out.output.is_empty());
    let chunks = seen.lock().unwrap().concat();
    assert_eq!(chunks, b"first\nsecond\n");
    assert!(
        seen.lock().unwrap().len() >= 2,
        "delivered in pieces as printed, not at the end"
    );
}
