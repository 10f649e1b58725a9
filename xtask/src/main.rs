//! Project automation: `cargo xtask <task>` (the alias lives in .cargo/config.toml).
//!
//! Tasks:
//! - `setup`: install what building lua.wasm needs (wasm32 target, clang-19, binaryen).
//! - `build`: build lua.wasm and publish it to `web/` (prints its size).
//! - `size`: report the size of `web/lua.wasm` and its biggest parts.
//! - `demo`: set up, build, and run the walkthrough example.
//! - `test`: set up, build, and run every test (the command CI runs), the Node.js,
//!   browser and Python hosts' included (hosts.rs).
//! - `hosts`: set up, and run only the Node.js, browser and Python hosts' tests.
//! - `bench`: run the criterion benchmarks (native Lua against lua.wasm, side by side),
//!   print one table of ratios and write it to docs/PERFORMANCE.md (bench.rs).
//! - `fuzz`: run the libFuzzer targets of `fuzz/` (fuzz.rs; docs/RELIABILITY.md).

mod bench;
mod build;
mod fuzz;
mod hosts;
mod setup;
mod size;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const USAGE: &str =
    "usage: cargo xtask <setup | build | size | demo | test | hosts | bench [--quick] [FILTER] | fuzz>";

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "setup" => setup::run(),
        "build" => build::run().map(drop),
        "size" => size::run(),
        "demo" => {
            setup::run()?;
            build::run()?;
            cargo(&[
                "run",
                "--quiet",
                "--package",
                "lua-wasm-host",
                "--example",
                "demo",
            ])
        }
        "test" => test(),
        "hosts" => setup::run().and_then(|()| hosts::test()),
        "fuzz" => fuzz::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        "bench" => bench::run(&std::env::args().skip(2).collect::<Vec<_>>()),
        _ => bail!("{USAGE}"),
    }
}

/// Everything CI checks, in order of cost.
fn test() -> Result<()> {
    setup::run()?;
    build::run()?;
    cargo(&["fmt", "--all", "--", "--check"]).context("formatting differs: run `cargo fmt`")?;
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ])?;
    // The guest's own code (exports, allocator, hooks, the libc's C-named functions) is
    // compiled only for wasm32: lint it there too.
    cargo(&[
        "clippy",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "lua-wasm-guest",
        "-p",
        "lua-wasm-libc",
        "-p",
        "lua-wasm-decimal",
        "-p",
        "lua-wasm-abi",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&["test", "--workspace"])?;
    hosts::test()?;
    Ok(())
}

/// The workspace root.
pub fn root() -> PathBuf {
    lua_wasm_builder::workspace_root()
}

/// Runs cargo in the workspace root, failing when it fails.
pub fn cargo(args: &[&str]) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run_command(Command::new(cargo).args(args).current_dir(root()))
}

/// Runs a command, failing when it fails.
pub fn run_command(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed ({status})");
    }
    Ok(())
}

/// Size of a file in bytes.
pub fn file_size(path: &Path) -> Result<u64> {
    Ok(std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len())
}
