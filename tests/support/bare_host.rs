//! A bare host: lua.wasm under plain wasmtime with the five imports over a HashMap, the
//! way seed 000's Rust example and the other seed hosts implement them (-1 for a missing
//! key *or* a too-small buffer, newline-joined keys). It knows nothing of our host library,
//! so tests through it check the module against docs/ABI.md alone.

use std::collections::HashMap;

use wasmtime::{Caller, Engine, Instance, Linker, Module, Store, TypedFunc};

pub type Tables = HashMap<u32, HashMap<Vec<u8>, Vec<u8>>>;

pub struct BareHost {
    pub store: Store<Tables>,
    pub instance: Instance,
    pub compute: TypedFunc<(i32, i32), i32>,
    pub buffer_ptr: usize,
}

fn bytes(caller: &mut Caller<'_, Tables>, ptr: u32, len: u32) -> Vec<u8> {
    let memory = caller.get_export("memory").unwrap().into_memory().unwrap();
    memory.data(&caller)[ptr as usize..(ptr + len) as usize].to_vec()
}

fn put(caller: &mut Caller<'_, Tables>, ptr: u32, data: &[u8]) {
    let memory = caller.get_export("memory").unwrap().into_memory().unwrap();
    memory.data_mut(caller)[ptr as usize..ptr as usize + data.len()].copy_from_slice(data);
}

impl BareHost {
    /// Instantiates lua.wasm over `tables` (seed style) and calls `init`.
    pub fn new(tables: Tables) -> BareHost {
        let mut config = wasmtime::Config::new();
        config.wasm_exceptions(true);
        let engine = Engine::new(&config).unwrap();
        let module = Module::new(&engine, lua_wasm::LUA_WASM).unwrap();
        let mut linker = Linker::new(&engine);
        linker
            .func_wrap(
                "env",
                "js_ext_table_set",
                |mut c: Caller<'_, Tables>, t: u32, kp: u32, kl: u32, vp: u32, vl: u32| {
                    let (k, v) = (bytes(&mut c, kp, kl), bytes(&mut c, vp, vl));
                    c.data_mut().entry(t).or_default().insert(k, v);
                    0i32
                },
            )
            .unwrap();
        linker
            .func_wrap(
                "env",
                "js_ext_table_get",
                |mut c: Caller<'_, Tables>, t: u32, kp: u32, kl: u32, vp: u32, max: u32| {
                    let k = bytes(&mut c, kp, kl);
                    match c.data().get(&t).and_then(|m| m.get(&k)).cloned() {
                        Some(v) if v.len() <= max as usize => {
                            put(&mut c, vp, &v);
                            v.len() as i32
                        }
                        _ => -1, // missing, or the buffer is too small: seeds do not tell them apart
                    }
                },
            )
            .unwrap();
        linker
            .func_wrap(
                "env",
                "js_ext_table_delete",
                |mut c: Caller<'_, Tables>, t: u32, kp: u32, kl: u32| {
                    let k = bytes(&mut c, kp, kl);
                    c.data_mut().get_mut(&t).map(|m| m.remove(&k));
                    0i32
                },
            )
            .unwrap();
        linker
            .func_wrap(
                "env",
                "js_ext_table_size",
                |c: Caller<'_, Tables>, t: u32| c.data().get(&t).map_or(0, |m| m.len()) as i32,
            )
            .unwrap();
        linker
            .func_wrap(
                "env",
                "js_ext_table_keys",
                |mut c: Caller<'_, Tables>, t: u32, bp: u32, max: u32| {
                    let Some(m) = c.data().get(&t) else { return -1 };
                    let list = m.keys().cloned().collect::<Vec<_>>().join(&b'\n');
                    if list.len() > max as usize {
                        return -1;
                    }
                    put(&mut c, bp, &list);
                    list.len() as i32
                },
            )
            .unwrap();
        let mut store = Store::new(&engine, tables);
        let instance = linker.instantiate(&mut store, &module).unwrap();
        let init = instance
            .get_typed_func::<(), i32>(&mut store, "init")
            .unwrap();
        assert_eq!(init.call(&mut store, ()).unwrap(), 0, "init() returns 0");
        let buffer_ptr = instance
            .get_typed_func::<(), i32>(&mut store, "get_buffer_ptr")
            .unwrap()
            .call(&mut store, ())
            .unwrap();
        let compute = instance.get_typed_func(&mut store, "compute").unwrap();
        BareHost {
            store,
            instance,
            compute,
            buffer_ptr: buffer_ptr as usize,
        }
    }

    /// Writes `code` into the buffer and calls `compute(buffer, len)`; returns the status
    /// and the bytes it announces (result or error message).
    pub fn compute(&mut self, code: &str) -> (i32, Vec<u8>) {
        let memory = self.instance.get_memory(&mut self.store, "memory").unwrap();
        memory.data_mut(&mut self.store)[self.buffer_ptr..self.buffer_ptr + code.len()]
            .copy_from_slice(code.as_bytes());
        let status = self
            .compute
            .call(&mut self.store, (self.buffer_ptr as i32, code.len() as i32))
            .unwrap();
        let len = if status < 0 {
            (-status - 1) as usize
        } else {
            status as usize
        };
        (
            status,
            memory.data(&self.store)[self.buffer_ptr..self.buffer_ptr + len].to_vec(),
        )
    }

    /// Calls an export taking and returning i32s.
    pub fn call(&mut self, name: &str, args: (i32, i32)) -> i32 {
        let f = self
            .instance
            .get_typed_func::<(i32, i32), i32>(&mut self.store, name)
            .unwrap();
        f.call(&mut self.store, args).unwrap()
    }

    /// Reads guest memory.
    pub fn read(&mut self, ptr: usize, len: usize) -> Vec<u8> {
        let memory = self.instance.get_memory(&mut self.store, "memory").unwrap();
        memory.data(&self.store)[ptr..ptr + len].to_vec()
    }
}
