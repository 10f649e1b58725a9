//! Load, briefly: 1,000 calls of examples/load.rs (many VMs on several threads, mixed
//! scripts, shared stores) in a child process of its own, so that its resident memory is
//! its own: no update is lost, every call ends as its script must, and memory after the
//! warm-up stays flat (a leak of a VM's instance or of a call's buffers would show as
//! megabytes). The long run's figures are in docs/RELIABILITY.md.

use std::process::Command;
use std::time::Duration;

#[path = "../examples/load.rs"]
#[allow(dead_code)] // the example's main and its command line
mod driver;

const CHILD: &str = "LUA_WASM_LOAD_CHILD";

/// How much resident memory may grow after the warm-up: the allocator's and SQLite's
/// caches settle, while a leak of one instance per VM (each maps at least the module's
/// 2 MB) or of one call's buffers would exceed it many times over.
const FLAT: u64 = 24 * 1024 * 1024;

#[test]
fn many_vms_on_many_threads_lose_no_update_and_keep_memory_flat() {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "load::child", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the load child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let figure = |name: &str| -> i64 {
        let line = stdout
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name} in:\n{stdout}"));
        line.parse().unwrap()
    };
    assert_eq!(figure("calls"), 1000, "{stdout}");
    assert!(figure("vms") >= 1000 / 20, "{stdout}");
    assert_eq!(figure("lost"), 0, "{stdout}");
    assert_eq!(figure("unexpected"), 0, "{stdout}");
    let growth = figure("rss_end") - figure("rss_warm");
    assert!(
        growth < FLAT as i64,
        "memory grew by {growth} bytes:\n{stdout}"
    );
}

/// The child's part (run by the test above with `LUA_WASM_LOAD_CHILD` set): runs the
/// load and prints its figures, one `name=value` a line. Run by the test harness
/// itself, it checks that a short run reports what it did.
#[test]
fn child() {
    if std::env::var_os(CHILD).is_none() {
        let config = driver::Config {
            duration: Duration::from_secs(600),
            calls_per_thread: Some(20),
            threads: 2,
            calls_per_vm: 5,
        };
        let report = driver::run(&config).unwrap();
        assert_eq!(report.calls, 40, "{report}");
        assert!(report.vms_created >= 8, "{report}");
        assert_eq!(report.lost_updates, 0, "{report}");
        return;
    }
    let config = driver::Config {
        duration: Duration::from_secs(600),
        calls_per_thread: Some(250),
        threads: 4,
        calls_per_vm: 20,
    };
    let report = driver::run(&config).unwrap();
    println!("{report}");
    println!("vms={}", report.vms_created);
    println!("calls={}", report.calls);
    println!("lost={}", report.lost_updates);
    println!("unexpected={}", report.unexpected.len());
    println!("rss_warm={}", report.rss_warm);
    println!("rss_end={}", report.rss_end);
}
