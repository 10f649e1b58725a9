//! Load: many VMs on many threads for a sustained period, running a mix of scripts over
//! shared stores, to show that the host's memory stays flat (nothing leaks per call or
//! per VM), that no update is lost, and what a call costs under contention.
//!
//! Run it with
//!
//! ```sh
//! cargo run --release --example load -- --seconds 600 --threads 8
//! ```
//!
//! Each thread keeps two VMs: a general one, replaced by a fresh VM every
//! `--calls-per-vm` calls (so VM creation and teardown run all the time), and one with a
//! 20 ms deadline for the scripts that only a deadline stops. Both stores are shared by
//! every thread: a `MemoryStore` and a `SqliteStore` in a temporary file. The mix:
//! counters incremented on both stores (each thread counts its successes, and at the end
//! every counter must equal them: a lost update shows as a difference), nested tables
//! written and read back, plain computation, printing, coroutines, and calls that fail on
//! purpose (runtime errors, the instruction budget, memory, the deadline).
//!
//! The report gives VMs × calls, resident memory at the start, after the warm-up (the
//! first fifth of the run) and at the end, call latency (p50, p99, p99.9 and max of the
//! calls that succeed; p50 and p99 of those that fail on purpose, which run until a limit
//! stops them), calls whose outcome was not the expected one, and lost updates.
//! tests/load.rs runs 1,000 calls of it in the normal test suite.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use lua_wasm::{
    Engine, Error, MemoryStore, SqliteOptions, SqliteStore, Synchronous, TableStore, Value, Vm,
    VmOptions,
};

/// How long and how wide to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// How long to run (the long run), or
    pub duration: Duration,
    /// how many calls each thread makes (the test's run, whose figures must not depend
    /// on the machine's speed); the run ends at whichever comes first.
    pub calls_per_thread: Option<u64>,
    pub threads: usize,
    /// Calls a general VM serves before it is dropped and replaced by a fresh one.
    pub calls_per_vm: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            duration: Duration::from_secs(60),
            calls_per_thread: None,
            threads: 8,
            calls_per_vm: 200,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub threads: usize,
    pub seconds: f64,
    pub vms_created: u64,
    pub calls: u64,
    /// Calls that failed on purpose, as they should have.
    pub expected_failures: u64,
    /// Calls whose outcome was not the one their script must have: each is described.
    pub unexpected: Vec<String>,
    /// Counter increments that succeeded but are missing from a store (must be 0).
    pub lost_updates: i64,
    /// Resident memory of the process, in bytes: at the start (engine and stores
    /// ready), after the warm-up, and at the end (all VMs dropped).
    pub rss_start: u64,
    pub rss_warm: u64,
    pub rss_end: u64,
    /// The highest resident memory sampled during the run.
    pub rss_peak: u64,
    /// Latency of the calls that succeed (the scripts that must): the cost of a call.
    pub p50: Duration,
    pub p99: Duration,
    pub p999: Duration,
    pub max: Duration,
    /// Latency of the calls that fail on purpose (they run until a limit stops them).
    pub failing_p50: Duration,
    pub failing_p99: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
        writeln!(
            f,
            "{} threads, {:.0} s: {} VMs created, {} calls ({:.0} calls/s), {} failed on purpose",
            self.threads,
            self.seconds,
            self.vms_created,
            self.calls,
            self.calls as f64 / self.seconds,
            self.expected_failures
        )?;
        writeln!(
            f,
            "resident memory: {:.1} MiB at start, {:.1} MiB after warm-up, {:.1} MiB at end \
             ({:+.1} MiB since warm-up), peak {:.1} MiB",
            mib(self.rss_start),
            mib(self.rss_warm),
            mib(self.rss_end),
            mib(self.rss_end) - mib(self.rss_warm),
            mib(self.rss_peak)
        )?;
        writeln!(
            f,
            "latency of calls that succeed: p50 {:?}, p99 {:?}, p99.9 {:?}, max {:?}",
            self.p50, self.p99, self.p999, self.max
        )?;
        writeln!(
            f,
            "latency of calls that fail on purpose: p50 {:?}, p99 {:?}",
            self.failing_p50, self.failing_p99
        )?;
        writeln!(
            f,
            "unexpected outcomes: {}, lost updates: {}",
            self.unexpected.len(),
            self.lost_updates
        )?;
        for u in self.unexpected.iter().take(10) {
            writeln!(f, "  {u}")?;
        }
        Ok(())
    }
}

/// Resident memory of this process (Linux: /proc/self/statm), 0 where unknown.
pub fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

/// A latency histogram: 16 buckets per power of two of microseconds (about 4% wide).
#[derive(Clone)]
struct Histogram(Vec<u64>);

impl Histogram {
    fn new() -> Self {
        Histogram(vec![0; 64 * 16])
    }

    fn bucket(micros: u64) -> usize {
        if micros < 16 {
            return micros as usize;
        }
        let log = 63 - micros.leading_zeros() as usize;
        let fraction = ((micros >> (log - 4)) & 15) as usize;
        (log - 3) * 16 + fraction
    }

    /// The smallest duration in bucket `i`.
    fn lower_bound(i: usize) -> Duration {
        let micros = if i < 16 {
            i as u64
        } else {
            let log = i / 16 + 3;
            (16 + (i % 16) as u64) << (log - 4)
        };
        Duration::from_micros(micros)
    }

    fn record(&mut self, d: Duration) {
        self.0[Self::bucket(d.as_micros() as u64)] += 1;
    }

    fn merge(&mut self, other: &Histogram) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a += b;
        }
    }

    fn quantile(&self, q: f64) -> Duration {
        let total: u64 = self.0.iter().sum();
        let wanted = ((total as f64) * q).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (i, n) in self.0.iter().enumerate() {
            seen += n;
            if seen >= wanted {
                return Self::lower_bound(i);
            }
        }
        Duration::ZERO
    }
}

/// What a script must end in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Success,
    Runtime,
    Budget,
    Memory,
    Timeout,
}

/// The scripts of the mix, with their share (out of 100) and expected outcome. `{t}` is
/// replaced by the thread's number.
const MIX: &[(u32, Expect, &str)] = &[
    (25, Expect::Success, "_home.counter = (_home.counter or 0) + 1 _home.t{t} = (_home.t{t} or 0) + 1"),
    (10, Expect::Success, "_home.nested{t} = {n = 1, list = {1, 2, 3}, name = 'x' .. 1}
        local n = _home.nested{t} assert(n.list[3] == 3 and #n.list == 3 and n.name == 'x1')"),
    (15, Expect::Success, "local t = {} for i = 1, 300 do t[i] = tostring(i * 7919 % 1009) end
        table.sort(t) return #table.concat(t, ',')"),
    (10, Expect::Success, "local s = 0 for w in ('the quick brown fox jumps over the lazy dog'):gmatch('%a+') do
        s = s + #w:upper() end local f = string.format('%5.2f|%q|%x', s / 3, 'a\\nb', s) return f, s"),
    (8, Expect::Success, "local co = coroutine.wrap(function(a) for i = 1, 50 do a = a + coroutine.yield(i) end return a end)
        local x = co(0) for i = 1, 50 do x = co(i) end return x"),
    (7, Expect::Success, "for i = 1, 20 do print('line', i, {}) end return select('#', pcall(error, 'x'))"),
    (9, Expect::Runtime, "local t = nil return t.field"),
    (6, Expect::Budget, "local n = 0 while true do n = n + 1 end"),
    (4, Expect::Memory, "local t = {} while true do t[#t + 1] = ('x'):rep(4096) .. #t end"),
    (5, Expect::Success, "gc_kept = setmetatable({}, {__gc = function() end}) collectgarbage('step') return collectgarbage('count') > 0"),
    (1, Expect::Timeout, "return ('a'):rep(5000):find('.-.-.-b')"),
];

/// Shared by the threads.
struct Shared {
    engine: Engine,
    memory: Arc<MemoryStore>,
    sqlite: Arc<SqliteStore>,
    stop: AtomicBool,
    vms_created: AtomicU64,
    calls: AtomicU64,
}

/// What one thread did.
struct ThreadReport {
    calls: u64,
    expected_failures: u64,
    /// Successful increments of `_home.counter` and `_home.t<thread>`, per store
    /// (memory, sqlite).
    increments: [u64; 2],
    unexpected: Vec<String>,
    /// Calls that must succeed, and calls that must fail.
    latency: Histogram,
    failing_latency: Histogram,
}

fn general_options() -> VmOptions {
    VmOptions::default()
        .instruction_budget(Some(2_000_000))
        .memory_limit(3 * 1024 * 1024)
        .timeout(Some(Duration::from_secs(30)))
}

fn deadline_options() -> VmOptions {
    VmOptions::default().timeout(Some(Duration::from_millis(20)))
}

/// A small, fast generator (xorshift), one per thread: the mix is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn new_vm(shared: &Shared, store: Arc<dyn TableStore>, options: VmOptions) -> Result<Vm> {
    shared.vms_created.fetch_add(1, Ordering::Relaxed);
    Ok(Vm::with_options(&shared.engine, store, options)?)
}

fn worker(shared: &Shared, thread: usize, config: &Config) -> Result<ThreadReport> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (thread as u64 + 1).wrapping_mul(0x1234_5678_9ABC));
    let stores: [Arc<dyn TableStore>; 2] = [shared.memory.clone(), shared.sqlite.clone()];
    let mut report = ThreadReport {
        calls: 0,
        expected_failures: 0,
        increments: [0, 0],
        unexpected: Vec::new(),
        latency: Histogram::new(),
        failing_latency: Histogram::new(),
    };
    let scripts: Vec<(u32, Expect, String)> = MIX
        .iter()
        .map(|(share, expect, code)| (*share, *expect, code.replace("{t}", &thread.to_string())))
        .collect();
    let total_share: u32 = scripts.iter().map(|s| s.0).sum();
    let mut general: [Option<Vm>; 2] = [None, None];
    let mut served = [0u64; 2];
    let mut deadline = new_vm(shared, stores[0].clone(), deadline_options())?;
    let limit = config.calls_per_thread.unwrap_or(u64::MAX);
    while !shared.stop.load(Ordering::Relaxed) && report.calls < limit {
        let mut pick = (rng.next() % u64::from(total_share)) as u32;
        let (_, expect, code) = scripts
            .iter()
            .find(|(share, _, _)| {
                let hit = pick < *share;
                pick = pick.saturating_sub(*share);
                hit
            })
            .expect("the shares add up");
        // A third of the calls go to the SQLite store.
        let s = usize::from(rng.next().is_multiple_of(3));
        if served[s] >= config.calls_per_vm {
            general[s] = None; // dropped here: a fresh VM takes its place
            served[s] = 0;
        }
        if general[s].is_none() {
            general[s] = Some(new_vm(shared, stores[s].clone(), general_options())?);
        }
        let vm = match expect {
            Expect::Timeout => &mut deadline,
            _ => general[s].as_mut().expect("just made"),
        };
        served[s] += 1;
        let started = Instant::now();
        let outcome = vm.run(code);
        let took = started.elapsed();
        match expect {
            Expect::Success => report.latency.record(took),
            _ => report.failing_latency.record(took),
        }
        report.calls += 1;
        shared.calls.fetch_add(1, Ordering::Relaxed);
        let matched = match (expect, &outcome) {
            (Expect::Success, Ok(_)) => true,
            (Expect::Runtime, Err(Error::Runtime { .. }))
            | (Expect::Budget, Err(Error::BudgetExhausted { .. }))
            | (Expect::Memory, Err(Error::OutOfMemory { .. }))
            | (Expect::Timeout, Err(Error::Timeout { .. })) => {
                report.expected_failures += 1;
                true
            }
            _ => false,
        };
        if !matched {
            let what = match &outcome {
                Ok(e) => format!("returned {:?}", e.values),
                Err(e) => format!("failed: {e}"),
            };
            report
                .unexpected
                .push(format!("thread {thread}: {expect:?} script {what}"));
        } else if outcome.is_ok() && code.starts_with("_home.counter") {
            report.increments[s] += 1;
        }
    }
    Ok(report)
}

/// Reads an integer from `_home` of `store` (0 when absent).
fn stored_integer(shared: &Shared, store: Arc<dyn TableStore>, key: &str) -> Result<i64> {
    let mut vm = Vm::new(&shared.engine, store)?;
    match vm
        .run(&format!("return _home.{key} or 0"))?
        .values
        .as_slice()
    {
        [Value::Integer(n)] => Ok(*n),
        other => bail!("_home.{key} holds {other:?}"),
    }
}

/// Runs the load for `config.duration` and reports.
pub fn run(config: &Config) -> Result<Report> {
    let dir = tempfile::tempdir()?;
    // NORMAL: commits survive a killed process (tested in crates/host/tests/faults.rs),
    // without an fsync per call, which would measure the disk rather than the host.
    let sqlite = SqliteStore::open_with(
        dir.path().join("load.db"),
        SqliteOptions::default().synchronous(Synchronous::Normal),
    )?;
    let shared = Arc::new(Shared {
        engine: Engine::new()?,
        memory: Arc::new(MemoryStore::new()),
        sqlite: Arc::new(sqlite),
        stop: AtomicBool::new(false),
        vms_created: AtomicU64::new(0),
        calls: AtomicU64::new(0),
    });
    let rss_start = resident_bytes();
    let started = Instant::now();
    let workers: Vec<_> = (0..config.threads)
        .map(|thread| {
            let shared = shared.clone();
            let config = config.clone();
            std::thread::Builder::new()
                .name(format!("load-{thread}"))
                .spawn(move || worker(&shared, thread, &config))
        })
        .collect::<std::io::Result<_>>()?;
    // Sample memory while the threads run; note it after the warm-up: the first fifth
    // of the time, or of the calls.
    let warm_calls = config
        .calls_per_thread
        .map_or(u64::MAX, |n| n * config.threads as u64 / 5);
    let mut rss_warm = None;
    let mut rss_peak = rss_start;
    while started.elapsed() < config.duration && !workers.iter().all(|w| w.is_finished()) {
        std::thread::sleep(Duration::from_millis(50));
        rss_peak = rss_peak.max(resident_bytes());
        let warm = started.elapsed() >= config.duration / 5
            || shared.calls.load(Ordering::Relaxed) >= warm_calls;
        if rss_warm.is_none() && warm {
            rss_warm = Some(resident_bytes());
        }
    }
    shared.stop.store(true, Ordering::Relaxed);
    let mut latency = Histogram::new();
    let mut failing_latency = Histogram::new();
    let mut report = Report {
        threads: config.threads,
        rss_start,
        rss_warm: rss_warm.unwrap_or_else(resident_bytes),
        rss_peak,
        ..Report::default()
    };
    let mut increments = Vec::new();
    for w in workers {
        let r = w
            .join()
            .expect("a load thread panicked")
            .context("a load thread failed")?;
        report.calls += r.calls;
        report.expected_failures += r.expected_failures;
        report.unexpected.extend(r.unexpected);
        increments.push(r.increments);
        latency.merge(&r.latency);
        failing_latency.merge(&r.failing_latency);
    }
    report.seconds = started.elapsed().as_secs_f64();
    report.rss_end = resident_bytes();
    report.vms_created = shared.vms_created.load(Ordering::Relaxed);
    // Every successful increment must be in its store: in the counter all threads
    // share, and in the thread's own.
    let stores: [Arc<dyn TableStore>; 2] = [shared.memory.clone(), shared.sqlite.clone()];
    for (s, store) in stores.iter().enumerate() {
        let total: u64 = increments.iter().map(|i| i[s]).sum();
        let counted = stored_integer(&shared, store.clone(), "counter")?;
        report.lost_updates += total as i64 - counted;
        for (thread, i) in increments.iter().enumerate() {
            let counted = stored_integer(&shared, store.clone(), &format!("t{thread}"))?;
            report.lost_updates += i[s] as i64 - counted;
        }
    }
    report.p50 = latency.quantile(0.50);
    report.p99 = latency.quantile(0.99);
    report.p999 = latency.quantile(0.999);
    report.max = latency.quantile(1.0);
    report.failing_p50 = failing_latency.quantile(0.50);
    report.failing_p99 = failing_latency.quantile(0.99);
    Ok(report)
}

fn main() -> Result<()> {
    let mut config = Config::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> Result<u64> {
            let v = args
                .next()
                .with_context(|| format!("{name} needs a value"))?;
            v.parse().with_context(|| format!("{name} {v}"))
        };
        match arg.as_str() {
            "--seconds" => config.duration = Duration::from_secs(value("--seconds")?),
            "--threads" => config.threads = value("--threads")? as usize,
            "--calls-per-vm" => config.calls_per_vm = value("--calls-per-vm")?,
            _ => bail!(
                "usage: cargo run --release --example load -- [--seconds N] [--threads N] \
                 [--calls-per-vm N]"
            ),
        }
    }
    println!("running {config:?}");
    let report = run(&config)?;
    print!("{report}");
    if report.lost_updates != 0 || !report.unexpected.is_empty() {
        bail!("the load run lost updates or had unexpected outcomes");
    }
    Ok(())
}
