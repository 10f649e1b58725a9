//! A counter that survives process restarts: `_home` in a SQLite file.
//!
//! Run it twice with `cargo run -p lua-wasm-host --example persistent_counter [FILE]`
//! (default file: `counter.db` in the system's temporary directory): it prints 1, then 2.

use std::sync::Arc;

use anyhow::Result;
use lua_wasm_host::{Engine, SqliteStore, Vm};

fn main() -> Result<()> {
    let path = std::env::args()
        .nth(1)
        .map(Into::into)
        .unwrap_or_else(|| std::env::temp_dir().join("counter.db"));

    // Step 1: open (or create) the store. It is one SQLite file; `sqlite3 FILE` shows it.
    let store = Arc::new(SqliteStore::open(&path)?);

    // Step 2: a VM over it. Each `run` is one transaction: its writes are committed
    // together when it succeeds, and not at all when it fails.
    let mut vm = Vm::new(&Engine::new()?, store)?;
    let visits: i64 = vm.eval("_home.visits = (_home.visits or 0) + 1 return _home.visits")?;
    println!("visit number {visits} (stored in {})", path.display());
    Ok(())
}
