//! Running untrusted scripts: every way a script can misbehave ends in a typed error, and
//! the VM (or, after a deadline, a fresh instance) goes on serving.
//!
//! Run it with `cargo run -p lua-wasm-host --example untrusted`.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use lua_wasm_host::{Engine, Error, MemoryStore, Vm, VmOptions};

fn main() -> Result<()> {
    // Step 1: tight limits for one call: 10 million instructions, half a second, 4 MB.
    let options = VmOptions::default()
        .instruction_budget(Some(10_000_000))
        .timeout(Some(Duration::from_millis(500)))
        .memory_limit(4 * 1024 * 1024);
    let mut vm = Vm::with_options(&Engine::new()?, Arc::new(MemoryStore::new()), options)?;

    // Step 2: scripts that misbehave, each in its own way.
    let scripts = [
        ("an endless loop", "while true do end"),
        (
            "a loop that swallows errors",
            "while true do pcall(function() while true do end end) end",
        ),
        (
            "a memory bomb",
            "local t = {} while true do t[#t + 1] = string.rep('x', 1e5) end",
        ),
        ("a syntax error", "return 1 +"),
        ("a runtime error", "local t = nil return t.field"),
        ("a forbidden call", "os.exit(1)"),
    ];
    for (what, code) in scripts {
        match vm.run(code) {
            Ok(_) => println!("{what}: finished?!"),
            Err(Error::BudgetExhausted { instructions, .. }) => {
                println!("{what}: stopped after {instructions} instructions")
            }
            Err(Error::Timeout { after, vm_reset }) => println!(
                "{what}: stopped after {after:?}{}",
                if vm_reset { ", VM reset" } else { "" }
            ),
            Err(Error::OutOfMemory { limit }) => {
                println!("{what}: out of memory (limit {limit} bytes)")
            }
            Err(e) => println!(
                "{what}: {}",
                e.lua_message()
                    .unwrap_or_else(|| e.to_string())
                    .lines()
                    .next()
                    .unwrap_or("")
            ),
        }
    }

    // Step 3: the VM is still fine.
    let answer: i64 = vm.eval("return 6 * 7")?;
    println!("and then: 6 * 7 = {answer}");
    Ok(())
}
