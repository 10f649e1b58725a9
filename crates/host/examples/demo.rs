//! The lua.wasm walkthrough of the seed examples, through this crate.
//!
//! Run it with `cargo run -p lua-wasm-host --example demo` (or `cargo xtask demo`, which
//! also installs the toolchain on a fresh machine).
//!
//! It runs the same Lua code the seed hosts (Rust, Go, Node.js) run, shows the raw result
//! sizes the ABI defines (a number is 9 bytes, `'Hello from Lua!'` 20), the persistent
//! counter in `_home`, a runtime error with its message, the memory statistics, and the
//! contents of the external table store.

use std::sync::Arc;

use anyhow::Result;
use lua_wasm_abi::value::{self, Value};
use lua_wasm_host::{Engine, MemoryStore, RawOutcome, TableStoreExt, Vm};

fn main() -> Result<()> {
    println!("Lua WASM Integration Example (Rust + wasmtime, lua-wasm-host)\n");
    let engine = Engine::new()?;
    println!(
        "✓ Loaded lua.wasm ({} bytes, embedded in lua-wasm-host)\n",
        lua_wasm_host::LUA_WASM.len()
    );

    // Step 1: a VM over an in-memory table store. The store outlives VMs: give the same
    // store to a new VM and `_home` is still there.
    println!("Initializing Lua VM...");
    let tables = Arc::new(MemoryStore::new());
    let mut vm = Vm::new(&engine, tables.clone())?;
    println!("✓ Lua VM initialized successfully\n");

    let stats = vm.memory_stats()?;
    println!("Buffer info:");
    println!("  Pointer: {:#x}", vm.buffer_ptr()?);
    println!("  Size: {} bytes\n", stats.io_buffer_size);

    // Step 2: the seed examples, showing the result bytes as the ABI defines them.
    println!("=== Example 1: Basic Arithmetic ===");
    run(&mut vm, "return 2 + 2")?;
    println!("\n=== Example 2: String Operations ===");
    run(&mut vm, "return 'Hello ' .. 'from Lua!'")?;
    println!("\n=== Example 3: External Table Persistence ===");
    run(
        &mut vm,
        "_home.counter = (_home.counter or 0) + 1; return _home.counter",
    )?;
    run(
        &mut vm,
        "_home.counter = (_home.counter or 0) + 1; return _home.counter",
    )?;
    println!("\n=== Example 4: Division by Zero ===");
    run(&mut vm, "return 1 / 0")?;
    println!("\n=== Example 5: A Runtime Error ===");
    run(&mut vm, "local player = nil\nreturn player.name")?;
    println!("\n=== Example 6: Print Output ===");
    run(&mut vm, "print('Hello from Lua!'); return 'done'")?;

    // Step 3: memory figures, then the store's contents.
    println!("\n=== Example 7: Memory Statistics ===");
    let stats = vm.memory_stats()?;
    println!("Memory Statistics:");
    println!(
        "  I/O Buffer Size: {} bytes ({} KB)",
        stats.io_buffer_size,
        stats.io_buffer_size / 1024
    );
    println!("  Lua Memory Used: {} bytes", stats.lua_memory_used);
    println!(
        "  WASM Pages: {} ({} MB)",
        stats.wasm_pages,
        stats.total_memory() / (1024 * 1024)
    );
    println!(
        "  Total WASM Memory: {} bytes ({} MB)",
        stats.total_memory(),
        stats.total_memory() / (1024 * 1024)
    );
    let freed = vm.collect_garbage()?;
    println!("  run_gc() freed {freed} bytes");

    println!("\n=== External Table Contents ===");
    for id in tables.table_ids() {
        let keys = tables.keys(id)?;
        println!("Table ID {id}: {} entries", keys.len());
        for key in keys {
            let len = tables.get(id, &key)?.map_or(0, |v| v.len());
            println!("  '{}': {len} bytes", String::from_utf8_lossy(&key));
        }
    }

    println!("\n✓ All examples completed successfully!");
    Ok(())
}

/// Runs one chunk and prints its result the way the seed hosts do.
fn run(vm: &mut Vm, code: &str) -> Result<()> {
    println!("Lua code: {code}");
    let outcome = vm.compute_raw(code.as_bytes())?;
    let (streamed, _) = vm.take_channel_output();
    print!("{}", String::from_utf8_lossy(&streamed));
    match outcome {
        RawOutcome::Nothing => println!("✓ No result"),
        RawOutcome::Error(msg) => println!("✗ Lua error: {}", String::from_utf8_lossy(&msg)),
        RawOutcome::Result(bytes) => {
            let out_len = lua_wasm_abi::output_len(&bytes).unwrap_or(0);
            let output = &bytes[4..4 + out_len];
            if !output.is_empty() {
                println!("Output: {}", String::from_utf8_lossy(output).trim_end());
            }
            let values = &bytes[4 + out_len..];
            println!("✓ Result: {} bytes returned", values.len());
            for v in value::decode_all(values)? {
                describe(&v);
            }
        }
    }
    Ok(())
}

fn describe(v: &Value) {
    match v {
        Value::Integer(i) => println!("  Number value: {i}"),
        Value::Float(x) => println!("  Number value: {x}"),
        Value::String(s) => println!("  String value: '{}'", String::from_utf8_lossy(s)),
        other => println!("  Value: {other:?}"),
    }
}
