//! `cargo xtask fuzz <target | all> [--seconds N] [--sanitizer address|none]`: runs the
//! libFuzzer targets of `fuzz/` (see docs/RELIABILITY.md) and reports what they did.
//!
//! cargo-fuzz drives libFuzzer with nightly-only compiler flags (`-Z...`); on a stable
//! toolchain this task sets `RUSTC_BOOTSTRAP=1`, which lets stable rustc take them. It
//! installs cargo-fuzz (`cargo install cargo-fuzz --locked`) when it is missing.
//!
//! Each target runs on three kinds of inputs: its working corpus `fuzz/corpus/<target>`
//! (not committed; libFuzzer adds what it finds there), the committed seeds
//! `fuzz/seeds/<target>`, and for `compute` the Lua programs of `tests/lua`. A failing
//! input is written to `fuzz/artifacts/<target>/`; copied to `fuzz/regressions/<target>/`
//! it becomes a test of the normal suite (tests/fuzz_regressions.rs).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::root;

/// The targets, as named in fuzz/Cargo.toml.
const TARGETS: &[&str] = &["compute", "value_decoder", "home_values"];

const USAGE: &str =
    "usage: cargo xtask fuzz <compute | value_decoder | home_values | all> [--seconds N] \
     [--sanitizer address|none]";

/// What one run of a target did, from libFuzzer's final statistics.
struct Report {
    target: &'static str,
    seconds: u64,
    executions: Option<u64>,
    corpus: usize,
    failure: Option<String>,
}

pub fn run(args: &[String]) -> Result<()> {
    let mut seconds = 60;
    let mut sanitizer = "address".to_string();
    let mut targets = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let n = args.next().context(USAGE)?;
                seconds = n
                    .parse()
                    .with_context(|| format!("--seconds {n}: {USAGE}"))?;
            }
            "--sanitizer" => sanitizer = args.next().context(USAGE)?.clone(),
            "all" => targets.extend_from_slice(TARGETS),
            name => match TARGETS.iter().find(|t| **t == name) {
                Some(t) => targets.push(*t),
                None => bail!("unknown fuzz target {name:?}\n{USAGE}"),
            },
        }
    }
    if targets.is_empty() {
        bail!("{USAGE}");
    }
    crate::setup::run()?;
    ensure_cargo_fuzz()?;
    let mut reports = Vec::new();
    for target in targets {
        reports.push(fuzz(target, seconds, &sanitizer)?);
    }
    println!("\ntarget          seconds   executions   corpus  outcome");
    let mut failed = false;
    for r in &reports {
        let executions = r.executions.map_or("?".into(), |n| n.to_string());
        let outcome = match &r.failure {
            Some(artifact) => {
                failed = true;
                format!("FAILED: {artifact}")
            }
            None => "no failure".into(),
        };
        println!(
            "{:<15} {:>7} {:>12} {:>8}  {outcome}",
            r.target, r.seconds, executions, r.corpus
        );
    }
    if failed {
        bail!(
            "a target failed: reproduce with `cargo fuzz run <target> <artifact>` in fuzz/, \
             fix it, and copy the artifact to fuzz/regressions/<target>/ so that the test \
             suite keeps checking it"
        );
    }
    Ok(())
}

/// Installs cargo-fuzz unless `cargo fuzz` already answers.
fn ensure_cargo_fuzz() -> Result<()> {
    let answers = Command::new(cargo())
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if answers {
        return Ok(());
    }
    eprintln!("xtask: installing cargo-fuzz (cargo install cargo-fuzz --locked)");
    crate::run_command(Command::new(cargo()).args(["install", "cargo-fuzz", "--locked"]))
        .context("cannot install cargo-fuzz")
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Runs one target for `seconds` on one core, streaming libFuzzer's output.
fn fuzz(target: &'static str, seconds: u64, sanitizer: &str) -> Result<Report> {
    let root = root();
    let fuzz_dir = root.join("fuzz");
    let corpus = fuzz_dir.join("corpus").join(target);
    std::fs::create_dir_all(&corpus)?;
    let artifacts = fuzz_dir.join("artifacts").join(target);
    std::fs::create_dir_all(&artifacts)?;
    let before = count_files(&artifacts);

    let mut cmd = Command::new(cargo());
    cmd.current_dir(&fuzz_dir)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "run", "--sanitizer", sanitizer, target])
        .arg(&corpus)
        .arg(fuzz_dir.join("seeds").join(target));
    if target == "compute" {
        cmd.arg(root.join("tests/lua"));
    }
    cmd.arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .arg("-print_final_stats=1")
        .arg("-timeout=20")
        .arg("-rss_limit_mb=4096");
    match target {
        // Lua source: a dictionary of Lua's tokens and library names; sources up to a few
        // KiB are enough to combine any feature.
        "compute" => {
            cmd.arg(format!("-dict={}", fuzz_dir.join("lua.dict").display()));
            cmd.arg("-max_len=4096");
        }
        "home_values" => {
            cmd.arg("-max_len=2048");
        }
        _ => {
            cmd.arg("-max_len=1024");
        }
    }
    eprintln!("xtask: fuzzing {target} for {seconds} s ({sanitizer} sanitizer)");
    let started = Instant::now();
    let mut child = cmd
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {cmd:?}"))?;
    let mut executions = None;
    let stderr = child.stderr.take().context("no stderr")?;
    for line in BufReader::new(stderr).lines() {
        let line = line?;
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            executions = n.trim().parse().ok();
        }
        let _ = writeln!(std::io::stderr(), "{line}");
    }
    let status = child.wait()?;
    let failure = if count_files(&artifacts) > before || !status.success() {
        Some(newest(&artifacts).unwrap_or_else(|| format!("libFuzzer exited with {status}")))
    } else {
        None
    };
    Ok(Report {
        target,
        seconds: started.elapsed().as_secs(),
        executions,
        corpus: count_files(&corpus),
        failure,
    })
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.count())
}

/// The most recently written file in `dir`.
fn newest(dir: &Path) -> Option<String> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .map(|e| e.path().display().to_string())
}
