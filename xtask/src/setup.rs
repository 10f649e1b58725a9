//! `cargo xtask setup`: installs what the build needs, and only what is missing.
//!
//! - the Rust target `wasm32-unknown-unknown` (rustup);
//! - Debian's `clang-19`, `lld-19`, `llvm-19` (llvm-ar) and `libclang-19-dev` (bindgen);
//! - binaryen's `wasm-opt`, the version pinned in package.json / package-lock.json (npm),
//!   with the host tests' npm packages (playwright-core, Node.js 24);
//! - for the host tests: Debian's `chromium` and a Python venv (hosts.rs).

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{root, run_command};

const DEBIAN_PACKAGES: &[&str] = &["clang-19", "lld-19", "llvm-19", "libclang-19-dev"];

pub fn run() -> Result<()> {
    wasm_target()?;
    debian_packages()?;
    node_tools()?;
    crate::hosts::setup()?;
    Ok(())
}

fn wasm_target() -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    let installed = installed.context("rustup is needed to add the wasm32 target")?;
    if !String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        eprintln!("setup: adding the Rust target wasm32-unknown-unknown");
        run_command(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

fn on_path(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn debian_packages() -> Result<()> {
    let present = on_path("clang-19")
        && on_path("llvm-ar-19")
        && Path::new("/usr/lib/llvm-19/lib/libclang.so").exists();
    if present {
        return Ok(());
    }
    eprintln!(
        "setup: installing {} with apt-get",
        DEBIAN_PACKAGES.join(" ")
    );
    apt_install(DEBIAN_PACKAGES)
}

/// `apt-get install` as root, or through password-less sudo.
pub(crate) fn apt_install(packages: &[&str]) -> Result<()> {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let apt = |args: &[&str]| {
        let mut cmd = Command::new(if is_root { "apt-get" } else { "sudo" });
        if !is_root {
            cmd.args(["-n", "apt-get"]);
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_command(&mut cmd)
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend_from_slice(packages);
    apt(&install).with_context(|| format!("installing {} needs root", packages.join(" ")))
}

fn node_tools() -> Result<()> {
    let root = root();
    let pinned = pinned_binaryen(&root)?;
    let installed = std::fs::read_to_string(root.join("node_modules/binaryen/package.json"))
        .unwrap_or_default();
    if installed.contains(&format!("\"version\": \"{pinned}\""))
        && crate::hosts::node_packages_installed(&root)
    {
        return Ok(());
    }
    if !on_path("npm") {
        bail!("npm (Node.js) is needed for binaryen's wasm-opt");
    }
    eprintln!("setup: installing the pinned npm tools (binaryen {pinned})");
    run_command(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&root),
    )
}

fn pinned_binaryen(root: &Path) -> Result<String> {
    let manifest =
        std::fs::read_to_string(root.join("package.json")).context("reading package.json")?;
    let after = manifest
        .split("\"binaryen\":")
        .nth(1)
        .context("package.json pins no binaryen")?;
    Ok(after
        .split('"')
        .nth(1)
        .context("malformed binaryen pin")?
        .to_string())
}
