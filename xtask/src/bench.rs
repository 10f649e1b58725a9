//! `cargo xtask bench [--quick] [FILTER]`: runs the criterion bench that puts native Lua and
//! lua.wasm side by side (benches/lua_vs_native), then reads criterion's estimates and
//! prints one table of medians and ratios against the targets of issue 5. A run of the
//! whole bench also writes that table into docs/PERFORMANCE.md, between the markers below,
//! keeping the hand-written part above them.
//!
//! - `--quick`: short warm-up and measurement (rougher figures, a few minutes less);
//! - `FILTER`: criterion's filter (a substring of "area [case]/side"); only the table is
//!   printed, docs/PERFORMANCE.md is left as it is.
//!
//! lua.wasm itself is rebuilt by cargo when its sources changed (crates/host/build.rs);
//! the bench leaves a copy of the module it measured in the criterion directory, and its
//! size is taken from there.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::{root, run_command, setup};

const USAGE: &str = "usage: cargo xtask bench [--quick] [FILTER]";

/// Criterion settings of a quick run (the defaults are 3 s, 5 s and 100 samples).
const QUICK: &[&str] = &[
    "--warm-up-time",
    "0.5",
    "--measurement-time",
    "1",
    "--sample-size",
    "10",
];

/// The generated part of docs/PERFORMANCE.md lies between these lines.
const BEGIN: &str = "<!-- BEGIN cargo xtask bench: generated, do not edit by hand -->";
const END: &str = "<!-- END cargo xtask bench -->";

/// The targets of issue 5.
const PROGRAMS_GEOMEAN_MAX: f64 = 1.5;
const START_UP_MAX_NS: f64 = 20_000.0;
const RETURN_1_MAX: f64 = 1.3;
const ERROR_MAX: f64 = 3.0;
const SIZE_MAX_BYTES: u64 = 150_000;

pub fn run(args: &[String]) -> Result<()> {
    let mut quick = false;
    let mut filter = None;
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            a if a.starts_with('-') => bail!("unknown option {a}\n{USAGE}"),
            a if filter.is_none() => filter = Some(a.to_string()),
            _ => bail!("one filter at most\n{USAGE}"),
        }
    }
    setup::run()?;

    let criterion_dir = target_dir().join("criterion");
    let started = SystemTime::now();
    let clock = Instant::now();
    let mut bench = vec![
        "bench",
        "--package",
        "lua-wasm",
        "--bench",
        "lua_vs_native",
        "--",
        "--noplot",
    ];
    if quick {
        bench.extend_from_slice(QUICK);
    }
    bench.extend(filter.as_deref());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run_command(
        Command::new(cargo)
            .args(&bench)
            .current_dir(root())
            .env("CRITERION_HOME", &criterion_dir),
    )?;
    let took = clock.elapsed();

    let cases = read_results(&criterion_dir, started)?;
    if cases.is_empty() {
        bail!("criterion ran no benchmark (filter {filter:?} matched none?)");
    }
    let module = std::fs::read(criterion_dir.join("lua.wasm"))
        .context("the bench left no copy of lua.wasm in the criterion directory")?;
    let table = render_table(&cases, &module)?;
    let mode = if quick { "quick" } else { "full" };
    let minutes = took.as_secs_f64() / 60.0;
    println!("\n{table}\n{mode} run, {minutes:.1} min (including the build)");
    if filter.is_some() {
        println!("filtered run: docs/PERFORMANCE.md left as it was");
        return Ok(());
    }
    let section = format!("{}\n{table}\n{}", header(quick, minutes), notes());
    write_section(&root().join("docs/PERFORMANCE.md"), &section)?;
    println!("written to docs/PERFORMANCE.md");
    Ok(())
}

/// Where cargo builds (and criterion keeps its results).
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// One "area [case]" group: the median time per iteration of each side, in nanoseconds,
/// the operations an iteration does when it does many (criterion's throughput), and when
/// its first result was written (the order the bench runs its cases in).
#[derive(Debug)]
struct Case {
    native: Option<f64>,
    wasm: Option<f64>,
    elements: Option<u64>,
    written: SystemTime,
}

impl Case {
    fn ratio(&self) -> Option<f64> {
        Some(self.wasm? / self.native?)
    }
    /// Time per operation of one side.
    fn per_op(&self, side: Option<f64>) -> Option<f64> {
        Some(side? / self.elements.unwrap_or(1) as f64)
    }
}

/// Criterion's results written since `since`: `<group>/<function>/new/benchmark.json`
/// names the group, function and throughput; `estimates.json` next to it has the median.
fn read_results(dir: &Path, since: SystemTime) -> Result<BTreeMap<String, Case>> {
    let mut cases: BTreeMap<String, Case> = BTreeMap::new();
    let Ok(groups) = std::fs::read_dir(dir) else {
        return Ok(cases);
    };
    for group in groups.flatten() {
        let Ok(functions) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for function in functions.flatten() {
            let new = function.path().join("new");
            let estimates = new.join("estimates.json");
            let written = std::fs::metadata(&estimates).and_then(|m| m.modified());
            let Some(written) = written.ok().filter(|t| *t >= since) else {
                continue; // from an earlier run, or not a benchmark directory
            };
            let benchmark = std::fs::read_to_string(new.join("benchmark.json"))?;
            let estimates = std::fs::read_to_string(&estimates)?;
            let group_id = json_string(&benchmark, "group_id")
                .with_context(|| format!("no group_id in {}", new.display()))?;
            let median = json_number(&estimates, &["median", "point_estimate"])
                .with_context(|| format!("no median in {}", new.display()))?;
            let case = cases.entry(group_id).or_insert(Case {
                native: None,
                wasm: None,
                elements: None,
                written,
            });
            case.written = case.written.min(written);
            match json_string(&benchmark, "function_id").as_deref() {
                Some("native") => case.native = Some(median),
                Some("wasm") => case.wasm = Some(median),
                _ => continue,
            }
            case.elements = json_number(&benchmark, &["throughput", "Elements"]).map(|n| n as u64);
        }
    }
    Ok(cases)
}

/// The string value of the first `"key":"..."` in `json` (criterion's files; our names
/// hold no escapes but `\"` and `\\`, which are undone).
fn json_string(json: &str, key: &str) -> Option<String> {
    let start = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut out = String::new();
    let mut chars = json[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => out.push(chars.next()?),
            c => out.push(c),
        }
    }
    None
}

/// The number at the end of a path of keys, each looked for after the previous one
/// (`["median", "point_estimate"]`): enough for criterion's flat, known files.
fn json_number(json: &str, path: &[&str]) -> Option<f64> {
    let mut at = 0;
    for key in path {
        at += json[at..].find(&format!("\"{key}\":"))? + key.len() + 3;
    }
    let rest = json[at..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// Areas in the order the table shows them (others follow); within an area, cases keep
/// the order the bench ran them in.
const AREAS: &[&str] = &["program", "start-up", "round trip", "_home"];

fn area_rank(group: &str) -> usize {
    let area = group.split(" [").next().unwrap_or(group);
    AREAS.iter().position(|a| *a == area).unwrap_or(AREAS.len())
}

/// The table, in Markdown (which reads as well in a terminal).
fn render_table(cases: &BTreeMap<String, Case>, module: &[u8]) -> Result<String> {
    let mut groups: Vec<&String> = cases.keys().collect();
    groups.sort_by_key(|g| (area_rank(g), cases[*g].written));

    let mut rows: Vec<[String; 5]> = Vec::new();
    let mut program_ratios = Vec::new();
    let mut after_programs = false;
    for group in groups {
        let case = &cases[group];
        if !group.starts_with("program [") && !after_programs {
            after_programs = true;
            rows.extend(geomean_row(&program_ratios));
        }
        if group.starts_with("program [") {
            program_ratios.extend(case.ratio());
        }
        let ratio = case.ratio();
        let note = match group.as_str() {
            "program [pcall-error]" | "round trip [error]" => target(ratio, ERROR_MAX, "×"),
            "round trip [return 1]" => target(ratio, RETURN_1_MAX, "×"),
            "start-up [fresh VM]" => match case.wasm {
                Some(t) => format!(
                    "target wasm ≤ {} {}",
                    duration(START_UP_MAX_NS),
                    mark(t <= START_UP_MAX_NS)
                ),
                None => String::new(),
            },
            g if g.starts_with("_home [") => match case.per_op(case.wasm) {
                Some(t) => format!("{} ops/s", rate(1e9 / t)),
                None => String::new(),
            },
            _ => String::new(),
        };
        rows.push([
            group.clone(),
            case.per_op(case.native).map(duration).unwrap_or("—".into()),
            case.per_op(case.wasm).map(duration).unwrap_or("—".into()),
            ratio.map(|r| format!("{r:.2}×")).unwrap_or("—".into()),
            note,
        ]);
    }
    if !after_programs {
        rows.extend(geomean_row(&program_ratios));
    }

    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(module)?;
    let gzipped = gz.finish()?.len();
    rows.push([
        "size [lua.wasm raw]".into(),
        "—".into(),
        format!("{} B", thousands(module.len() as u64)),
        "—".into(),
        format!(
            "target ≤ {} B {}",
            thousands(SIZE_MAX_BYTES),
            mark(module.len() as u64 <= SIZE_MAX_BYTES)
        ),
    ]);
    rows.push([
        "size [lua.wasm gzip -9]".into(),
        "—".into(),
        format!("{} B", thousands(gzipped as u64)),
        "—".into(),
        String::new(),
    ]);

    let head = ["case", "native", "wasm", "wasm / native", "target or rate"];
    let mut widths = head.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cells: &[String; 5]| {
        out.push('|');
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - cell.chars().count());
            // Figures align right, names and notes left.
            if (1..4).contains(&i) {
                let _ = write!(out, " {pad}{cell} |");
            } else {
                let _ = write!(out, " {cell}{pad} |");
            }
        }
        out.push('\n');
    };
    line(&mut out, &head.map(String::from));
    let rule = widths.map(|w| "-".repeat(w));
    let mut rule = rule.map(|r| r.to_string());
    for r in &mut rule[1..4] {
        r.replace_range(r.len() - 1.., ":");
    }
    line(&mut out, &rule);
    for row in &rows {
        line(&mut out, row);
    }
    Ok(out)
}

/// The geometric mean of the programs' ratios, as a row (none without programs).
fn geomean_row(ratios: &[f64]) -> Option<[String; 5]> {
    if ratios.is_empty() {
        return None;
    }
    let geomean = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
    Some([
        format!("**programs: geomean of {}**", ratios.len()),
        String::new(),
        String::new(),
        format!("**{geomean:.2}×**"),
        target(Some(geomean), PROGRAMS_GEOMEAN_MAX, "×"),
    ])
}

fn target(value: Option<f64>, max: f64, unit: &str) -> String {
    match value {
        Some(v) => format!("target ≤ {max}{unit} {}", mark(v <= max)),
        None => String::new(),
    }
}

fn mark(met: bool) -> &'static str {
    if met {
        "✓"
    } else {
        "✗"
    }
}

/// Nanoseconds as a short duration: "850 ns", "12.3 µs", "4.56 ms".
fn duration(ns: f64) -> String {
    let (value, unit) = match ns {
        n if n < 1e3 => (n, "ns"),
        n if n < 1e6 => (n / 1e3, "µs"),
        n if n < 1e9 => (n / 1e6, "ms"),
        n => (n / 1e9, "s"),
    };
    let digits = if value < 10.0 {
        2
    } else if value < 100.0 {
        1
    } else {
        0
    };
    format!("{value:.digits$} {unit}")
}

/// Operations per second, shortly: "950", "12.3 k", "4.5 M".
fn rate(per_second: f64) -> String {
    match per_second {
        r if r < 1e3 => format!("{r:.0}"),
        r if r < 1e6 => format!("{:.1} k", r / 1e3),
        r => format!("{:.1} M", r / 1e6),
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// When, on what, and with what the figures were taken.
fn header(quick: bool, minutes: f64) -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU".into(), |m| m.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc = command_output("rustc", &["--version"]);
    let commit = command_output("git", &["rev-parse", "--short", "HEAD"]);
    let dirty =
        !command_output("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty();
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap_or_default();
    let locked = |name: &str| {
        let entry = format!("name = \"{name}\"\nversion = \"");
        lock.find(&entry).map_or("?".to_string(), |at| {
            let rest = &lock[at + entry.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_string()
        })
    };
    let mode = if quick {
        "quick run (`--quick`: 0.5 s warm-up, 1 s measurement, 10 samples, 20 for programs; rougher figures)"
    } else {
        "full run (criterion's defaults: 3 s warm-up, 5 s measurement, 100 samples, 20 for programs)"
    };
    format!(
        "## Latest run\n\n\
         - date: {} (UTC); {mode}, {minutes:.0} min with the build\n\
         - machine: {cpu}, {cores} cores, shared with other work\n\
         - commit: {commit}{}\n\
         - {rustc}; wasmtime {}; mlua {} (Lua {} vendored by lua-src {})\n",
        today(),
        if dirty {
            " with uncommitted changes"
        } else {
            ""
        },
        locked("wasmtime"),
        locked("mlua"),
        lua_version(),
        locked("lua-src"),
    )
}

/// How to read the table (part of the generated section, so it follows the bench).
fn notes() -> &'static str {
    "Medians from criterion (`target/criterion/<case>/<side>/new/estimates.json`), in CPU
time of the benchmarking thread except the SQLite rows (wall-clock). Native is Lua 5.4.9
through its C API (mlua's vendored build, with the libraries lua.wasm has); wasm is
lua.wasm under `Vm` with its default options. `_home` rows are per operation (1000 per
call, or one committed call); their native column runs the same code over a plain Lua
table, for scale only. Ratios above 1 mean lua.wasm is slower. On this shared machine a
case can move by 10-30% from run to run: compare runs of the same mode, and prefer full
runs for decisions.
"
}

/// Lua's version as recorded in lua-src/VERSION.md (its first "5.x.y").
fn lua_version() -> String {
    let text = std::fs::read_to_string(root().join("lua-src/VERSION.md")).unwrap_or_default();
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .find(|w| w.starts_with("5.") && w.matches('.').count() == 2)
        .unwrap_or("5.4")
        .to_string()
}

/// The first line a command prints, or "" if it cannot run.
fn command_output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .unwrap_or_default()
}

/// Today's date in UTC, as YYYY-MM-DD (days to civil date, after Howard Hinnant).
fn today() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Replaces the generated section of `path` (between BEGIN and END) with `section`,
/// adding the markers at the end if the file has none.
fn write_section(path: &Path, section: &str) -> Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let generated = format!("{BEGIN}\n{section}{END}\n");
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => {
            format!(
                "{}{generated}{}",
                &old[..b],
                old[e + END.len()..].trim_start_matches('\n')
            )
        }
        _ => format!("{}\n{generated}", old.trim_end()),
    };
    std::fs::write(path, new).with_context(|| format!("cannot write {}", path.display()))
}
