//! Many VMs: how long creating one takes and what each costs in memory.
//!
//! Run it with `cargo run --release -p lua-wasm-host --example many_vms [COUNT]`.
//!
//! Each VM is its own lua.wasm instance with its own Lua state. This example creates
//! COUNT of them (default 1000) over one shared store, keeps them all alive, runs one
//! call in each, and prints the time per VM and the growth of the process's private
//! resident memory per VM (from /proc/self/status on Linux).

use std::sync::Arc;
use std::time::Instant;

use anyhow::Result;
use lua_wasm_host::{Engine, MemoryStore, Vm};

/// The process's private resident memory (RssAnon in /proc/self/status, Linux): what the
/// VMs really cost. Plain RSS would also count the pages of the shared pre-initialized
/// image once per VM that maps them, though they exist once.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("RssAnon:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn main() -> Result<()> {
    let count: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1000);

    // Step 1: one engine (the compiled module) and one store, shared by all VMs.
    let engine = Engine::new()?;
    let store = Arc::new(MemoryStore::new());
    let before = resident_bytes();

    // Step 2: create the VMs and keep them.
    let started = Instant::now();
    let mut vms = Vec::with_capacity(count);
    for _ in 0..count {
        vms.push(Vm::new(&engine, store.clone())?);
    }
    let created = started.elapsed();

    // Step 3: use each one once, so its memory is really touched.
    let started = Instant::now();
    for (i, vm) in vms.iter_mut().enumerate() {
        vm.run(&format!("x = {i} return x"))?;
    }
    let ran = started.elapsed();
    let after = resident_bytes();

    println!(
        "{count} VMs created in {created:?}: {:?} per VM",
        created / count as u32
    );
    println!("one call in each: {:?} per call", ran / count as u32);
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "resident memory grew by {} KiB: {} KiB per VM",
            (a - b) / 1024,
            (a - b) / 1024 / count as u64
        );
    }
    Ok(())
}
