//! What lua.wasm looks like from outside: exactly five imports, the ABI's exports, and
//! 2 MB of memory present from the start.

use wasmtime::{ExternType, Module, ValType};

use crate::support::engine;

fn module() -> Module {
    Module::new(engine().wasmtime_engine(), lua_wasm::LUA_WASM).unwrap()
}

/// A function's parameter and result types, by name.
type Signature = (Vec<String>, Vec<String>);

fn signature(ty: &ExternType) -> Signature {
    let f = ty.func().expect("a function");
    let names =
        |tys: &mut dyn Iterator<Item = ValType>| tys.map(|t| t.to_string()).collect::<Vec<_>>();
    (names(&mut f.params()), names(&mut f.results()))
}

#[test]
fn imports_exactly_the_five_table_functions_with_the_seed_signatures() {
    let module = module();
    let mut imports: Vec<(String, String, Signature)> = module
        .imports()
        .map(|i| {
            (
                i.module().to_string(),
                i.name().to_string(),
                signature(&i.ty()),
            )
        })
        .collect();
    imports.sort();
    let i32s = |n: usize| vec!["i32".to_string(); n];
    assert_eq!(
        imports,
        vec![
            (
                "env".into(),
                "js_ext_table_delete".into(),
                (i32s(3), i32s(1))
            ),
            ("env".into(), "js_ext_table_get".into(), (i32s(5), i32s(1))),
            ("env".into(), "js_ext_table_keys".into(), (i32s(3), i32s(1))),
            ("env".into(), "js_ext_table_set".into(), (i32s(5), i32s(1))),
            ("env".into(), "js_ext_table_size".into(), (i32s(1), i32s(1))),
        ]
    );
}

#[test]
fn exports_the_abi_functions_and_nothing_else() {
    let module = module();
    let mut exports: Vec<(String, Option<Signature>)> = module
        .exports()
        .map(|e| {
            (
                e.name().to_string(),
                e.ty().func().map(|_| signature(&e.ty())),
            )
        })
        .collect();
    exports.sort();
    let i32s = |n: usize| vec!["i32".to_string(); n];
    assert_eq!(
        exports,
        vec![
            ("compute".into(), Some((i32s(2), i32s(1)))),
            ("eval".into(), Some((i32s(1), i32s(1)))),
            ("get_buffer_ptr".into(), Some((i32s(0), i32s(1)))),
            ("get_buffer_size".into(), Some((i32s(0), i32s(1)))),
            ("get_memory_stats".into(), Some((i32s(1), i32s(0)))),
            ("init".into(), Some((i32s(0), i32s(1)))),
            ("interrupt".into(), Some((i32s(0), i32s(1)))),
            ("memory".into(), None),
            ("run_gc".into(), Some((i32s(0), i32s(1)))),
        ]
    );
}

#[test]
fn memory_starts_at_two_megabytes_and_may_grow() {
    let module = module();
    let memory = module
        .get_export("memory")
        .and_then(|e| e.memory().cloned())
        .expect("memory is exported");
    assert_eq!(
        memory.minimum(),
        32,
        "32 pages of 64 KiB = 2 MB, present from the start"
    );
    assert_eq!(
        memory.maximum(),
        None,
        "the host's limit, not the module, caps growth"
    );
    assert!(!memory.is_64() && !memory.is_shared());
}
