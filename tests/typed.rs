//! The typed API: values cross between Lua and the caller's Rust types with serde;
//! arguments and globals reach Lua exactly (binary strings, float bits, nesting).

use serde::{Deserialize, Serialize};

use lua_wasm::Error;

use crate::support::vm;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Player {
    name: String,
    hp: i64,
    speed: f64,
    items: Vec<String>,
    guild: Option<String>,
}

#[test]
fn eval_converts_one_value_several_values_and_none() {
    let mut vm = vm();
    assert_eq!(vm.eval::<i64>("return 40 + 2").unwrap(), 42);
    assert_eq!(
        vm.eval::<(i64, String, bool)>("return 1, 'two', true")
            .unwrap(),
        (1, "two".into(), true)
    );
    assert_eq!(vm.eval::<Option<i64>>("x = 1").unwrap(), None);
    assert_eq!(
        vm.eval::<Vec<i64>>("return {3, 2, 1}").unwrap(),
        vec![3, 2, 1]
    );
}

#[test]
fn structs_round_trip_through_globals() {
    let mut vm = vm();
    let ada = Player {
        name: "ada".into(),
        hp: 5,
        speed: 1.5,
        items: vec!["sword".into()],
        guild: None,
    };
    vm.set_global("player", &ada).unwrap();
    vm.exec("player.hp = player.hp + 10; table.insert(player.items, 'shield')")
        .unwrap();
    let back: Player = vm.global("player").unwrap();
    assert_eq!(
        back,
        Player {
            hp: 15,
            items: vec!["sword".into(), "shield".into()],
            ..ada
        }
    );
}

#[test]
fn call_passes_arguments_exactly() {
    let mut vm = vm();
    vm.exec("function echo(...) return ... end").unwrap();
    let (a, b, c, d): (f64, i64, f64, serde_json::Value) = vm
        .call(
            "echo",
            (0.1f64, i64::MIN, -0.0f64, serde_json::json!({"k": [1, 2]})),
        )
        .unwrap();
    assert_eq!(a.to_bits(), 0.1f64.to_bits());
    assert_eq!(b, i64::MIN);
    assert_eq!(c.to_bits(), (-0.0f64).to_bits());
    assert_eq!(d, serde_json::json!({"k": [1, 2]}));
    let tricky = "nul\0 quote\" newline\n backslash\\ é ✓";
    assert_eq!(vm.call::<_, String>("echo", (tricky,)).unwrap(), tricky);
    assert_eq!(
        vm.call::<_, String>("string.rep", ("ab", 3, "-")).unwrap(),
        "ab-ab-ab"
    );
}

#[test]
fn conversion_failures_are_convert_errors() {
    let mut vm = vm();
    assert!(matches!(
        vm.eval::<i64>("return 'text'"),
        Err(Error::Convert(_))
    ));
    assert!(matches!(
        vm.eval::<String>("return print"),
        Err(Error::Convert(_))
    ));
    assert!(matches!(
        vm.call::<_, ()>("not a name", ()),
        Err(Error::Convert(_))
    ));
    assert!(matches!(
        vm.call::<_, ()>("missing", ()),
        Err(Error::Runtime { .. })
    ));
}
