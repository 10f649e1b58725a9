//! A criterion measurement of the CPU time of the benchmarking thread
//! (`CLOCK_THREAD_CPUTIME_ID`) instead of wall-clock time. This machine is shared: while
//! another process holds the CPU, wall-clock time runs on and the figure says more about
//! the neighbours than about Lua. The thread's CPU time leaves the waits out (the guest
//! runs on the calling thread, so it is all counted), which makes the native and wasm
//! figures comparable even when they were taken under different load. Cases that wait
//! for a disk (the SQLite store) use wall-clock time instead.

use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// CPU time of the calling thread, in nanoseconds; figures are formatted as durations.
pub struct ThreadCpuTime;

impl Measurement for ThreadCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        now()
    }
    fn end(&self, start: Duration) -> Duration {
        now().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        static WALL_TIME: WallTime = WallTime;
        WALL_TIME.formatter()
    }
}

/// What reading the clock twice adds to an interval (a system call each time on this
/// machine: about 0.6 µs), measured once as the median of empty intervals. Cases that
/// time single operations of a few microseconds subtract it.
pub fn overhead() -> Duration {
    static OVERHEAD: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *OVERHEAD.get_or_init(|| {
        let mut empty: Vec<Duration> = (0..1001)
            .map(|_| {
                let start = now();
                now().saturating_sub(start)
            })
            .collect();
        empty.sort();
        empty[empty.len() / 2]
    })
}

/// The CPU time the calling thread has used so far.
#[cfg(target_os = "linux")]
pub fn now() -> Duration {
    /// `struct timespec` on 64-bit Linux.
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through the valid pointer it is given,
    // and this clock exists on every Linux since 2.6.12.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Elsewhere, wall-clock time since the first call (the figures are then noisier).
#[cfg(not(target_os = "linux"))]
pub fn now() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}
