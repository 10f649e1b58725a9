//! Builds `lua.wasm`: one function, [`build`], used by `crates/host/build.rs` (which embeds
//! the module) and by `cargo xtask build` (which publishes it to `web/lua.wasm`).
//!
//! Pipeline:
//! 1. `cargo build -p lua-wasm-guest --target wasm32-unknown-unknown --profile guest`, in
//!    its own target directory (`target/guest`), so that it can run from inside another
//!    cargo build without waiting on that build's lock. It yields a static library: the
//!    Rust glue, the Lua sources and our libc, all compiled for wasm32.
//! 2. `rust-lld -flavor wasm` (the toolchain's own wasm-ld) links it with exactly the
//!    exports of the ABI ([`EXPORTS`]) and with undefined symbols allowed only for the
//!    five host imports ([`IMPORTS`]): a libc function we forgot is a link error, not a
//!    silent extra import.
//! 3. binaryen's `wasm-opt` (the npm package pinned in `package.json`): optimizes, and
//!    translates clang-19's legacy exception-handling instructions (`try`/`catch`) into
//!    the standard ones (`try_table`/`exnref`) that wasmtime and current browsers run.
//!    The legacy form is kept too, as `lua-legacy-eh.wasm`, for older engines.
//!
//! Architecture invariant: the toolchain is found, never installed, here;
//! `cargo xtask setup` installs it, and every error here says so.

use std::env;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The modules one build produces.
#[derive(Debug, Clone)]
pub struct Built {
    /// The module to ship: standard exception handling, optimized, no debug names.
    pub module: PathBuf,
    /// The same module with its function names kept, for size reports and profiles.
    pub module_with_names: PathBuf,
    /// The module with legacy exception handling, for engines without `exnref`.
    pub legacy_module: PathBuf,
}

/// Why the build failed, with what to do about it.
#[derive(Debug)]
pub struct BuildError(String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

const SETUP_HINT: &str = "run `cargo xtask setup` to install the toolchain lua.wasm is built with";

/// The workspace root (this crate is `crates/builder`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

/// Every path whose change requires a rebuild of the module.
pub fn inputs() -> Vec<PathBuf> {
    let root = workspace_root();
    [
        "crates/guest",
        "crates/abi",
        "lua-src",
        "Cargo.lock",
        ".cargo/config.toml",
        "package.json",
    ]
    .iter()
    .map(|p| root.join(p))
    .collect()
}

/// The functions lua.wasm exports (besides `memory`), as docs/ABI.md lists them.
pub const EXPORTS: &[&str] = &[
    "init",
    "compute",
    "eval",
    "get_buffer_ptr",
    "get_buffer_size",
    "get_memory_stats",
    "run_gc",
    "interrupt",
];

/// The functions lua.wasm imports, all from the module `env`.
pub const IMPORTS: &[&str] = &[
    "js_ext_table_set",
    "js_ext_table_get",
    "js_ext_table_delete",
    "js_ext_table_size",
    "js_ext_table_keys",
];

/// Initial linear memory: 2 MB = 32 pages. The module declares no maximum: it grows
/// when its heap is full, as far as the host's memory limit allows.
pub const INITIAL_MEMORY: u32 = 2 * 1024 * 1024;

/// The shadow stack for C locals whose address is taken (jmp_buf, luaL_Buffer, ...).
/// Placed first in memory, so that an overflow traps instead of corrupting data, and
/// sized so that Lua's own limit of 200 nested C calls (LUAI_MAXCCALLS) comes first.
pub const STACK_SIZE: u32 = 256 * 1024;

/// Builds the guest and post-processes it into `out_dir`.
pub fn build(out_dir: &Path) -> Result<Built, BuildError> {
    let root = workspace_root();
    let target_dir = root.join("target/guest");
    let archive = cargo_build_guest(&root, &target_dir)?;
    std::fs::create_dir_all(out_dir)
        .map_err(|e| BuildError(format!("cannot create {}: {e}", out_dir.display())))?;
    let raw = out_dir.join("lua.linked.wasm");
    link(&archive, out_dir, &raw)?;
    let built = Built {
        module: out_dir.join("lua.wasm"),
        module_with_names: out_dir.join("lua.names.wasm"),
        legacy_module: out_dir.join("lua-legacy-eh.wasm"),
    };
    let opt = wasm_opt(&root)?;
    // Optimize once, keeping names; derive the shipped variants from that.
    run(Command::new(&opt.0)
        .args(&opt.1)
        .arg(&raw)
        .args(OPTIMIZE)
        .arg("--debuginfo")
        .arg("-o")
        .arg(&built.legacy_module))?;
    run(Command::new(&opt.0)
        .args(&opt.1)
        .arg(&built.legacy_module)
        .args(["--translate-to-exnref", "--debuginfo", "-o"])
        .arg(&built.module_with_names))?;
    run(Command::new(&opt.0)
        .args(&opt.1)
        .arg(&built.module_with_names)
        .args(STRIP)
        .arg("-o")
        .arg(&built.module))?;
    run(Command::new(&opt.0)
        .args(&opt.1)
        .arg(&built.legacy_module)
        .args(STRIP)
        .arg("-o")
        .arg(&built.legacy_module))?;
    Ok(built)
}

/// wasm-opt's optimization: for size. It does not undo the speed of the -O3 C files
/// (binaryen inlines less at -Oz but does not outline), and -O3 here measured no faster
/// (docs/PERFORMANCE.md).
const OPTIMIZE: &[&str] = &["-Oz", "--enable-exception-handling"];

/// What the shipped module does not need.
const STRIP: &[&str] = &[
    "--strip-debug",
    "--strip-producers",
    "--strip-target-features",
    "--enable-exception-handling",
];

fn cargo_build_guest(root: &Path, target_dir: &Path) -> Result<PathBuf, BuildError> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args([
            "build",
            "--quiet",
            "--package",
            "lua-wasm-guest",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(["--profile", "guest", "--target-dir"])
        .arg(target_dir);
    // When called from a build script, the outer build's settings must not leak in: the
    // guest gets its flags from .cargo/config.toml.
    for var in [
        "CARGO_ENCODED_RUSTFLAGS",
        "RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "RUSTC_WRAPPER",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET",
        "CARGO_PRIMARY_PACKAGE",
        "CLIPPY_ARGS",
        "CARGO_LLVM_COV",
        "RUSTC_BOOTSTRAP",
    ] {
        cmd.env_remove(var);
    }
    run(&mut cmd).map_err(|e| BuildError(format!("{e}\n(if a tool is missing: {SETUP_HINT})")))?;
    let archive = target_dir.join("wasm32-unknown-unknown/guest/liblua_wasm_guest.a");
    if archive.exists() {
        Ok(archive)
    } else {
        Err(BuildError(format!(
            "the guest build did not produce {}",
            archive.display()
        )))
    }
}

/// Links the guest archive into a module with exactly the ABI's exports and imports.
fn link(archive: &Path, out_dir: &Path, output: &Path) -> Result<(), BuildError> {
    let imports = out_dir.join("imports.txt");
    std::fs::write(&imports, IMPORTS.join("\n") + "\n")
        .map_err(|e| BuildError(format!("cannot write {}: {e}", imports.display())))?;
    let mut cmd = Command::new(rust_lld()?);
    cmd.args([
        "-flavor",
        "wasm",
        "--no-entry",
        "--gc-sections",
        "--stack-first",
        "--strip-debug",
    ])
    .arg(format!("--initial-memory={INITIAL_MEMORY}"))
    .arg(format!("-zstack-size={STACK_SIZE}"))
    .arg(format!("--allow-undefined-file={}", imports.display()));
    for export in EXPORTS {
        cmd.arg(format!("--export={export}"));
    }
    cmd.arg(archive).arg("-o").arg(output);
    run(&mut cmd)
}

/// The toolchain's wasm linker: `rust-lld` in the sysroot of the `rustc` in use.
fn rust_lld() -> Result<PathBuf, BuildError> {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| BuildError(format!("cannot run rustc: {e}")))?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let host = Command::new(env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .args(["--print", "host-tuple"])
        .output()
        .map_err(|e| BuildError(format!("cannot run rustc: {e}")))?;
    let host = String::from_utf8_lossy(&host.stdout).trim().to_string();
    let lld = sysroot.join("lib/rustlib").join(host).join("bin/rust-lld");
    if lld.exists() {
        Ok(lld)
    } else {
        Err(BuildError(format!(
            "rust-lld not found at {}; is this a rustup toolchain?",
            lld.display()
        )))
    }
}

/// The wasm-opt command: `$WASM_OPT` if set, else the pinned npm package run by node.
fn wasm_opt(root: &Path) -> Result<(PathBuf, Vec<String>), BuildError> {
    if let Some(path) = env::var_os("WASM_OPT") {
        return Ok((PathBuf::from(path), Vec::new()));
    }
    let script = root.join("node_modules/binaryen/bin/wasm-opt");
    if !script.exists() {
        return Err(BuildError(format!(
            "binaryen's wasm-opt is not installed ({}); {SETUP_HINT}",
            script.display()
        )));
    }
    Ok((
        PathBuf::from("node"),
        vec![script.to_string_lossy().into_owned()],
    ))
}

fn run(cmd: &mut Command) -> Result<(), BuildError> {
    let shown = format!("{cmd:?}");
    let output = cmd
        .output()
        .map_err(|e| BuildError(format!("cannot run {shown}: {e}; {SETUP_HINT}")))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(BuildError(format!(
            "{shown} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )))
    }
}
