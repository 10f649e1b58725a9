//! The guest's calendar (`src/time.rs`) against glibc with `TZ=UTC`, which is what
//! native Lua 5.4 on Linux uses for `os.date` and `os.time{...}`.
//!
//! Random cases come from a fixed-seed generator, so every run checks the same cases and a
//! failure names the exact input. Run with `cargo test -p lua-wasm-libc --test time_vs_glibc`.

mod support;

use support::Rng;

use std::ffi::{c_char, CStr};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};

use lua_wasm_libc::time::{
    civil_from_unix, format_time, seconds_between, unix_from_civil, Tm, GMTIME_ZONE, LOCALTIME_ZONE,
};

/// The first second whose year does not fit `tm_year` (an `int`): year 2147485548.
const AFTER_LAST: i64 = 67_768_036_191_676_800;
/// The first second of year -2147481748 (`tm_year` = `INT_MIN`).
const FIRST: i64 = -67_768_040_609_740_800;

/// Every conversion Lua 5.4 passes to `strftime` on Linux (`LUA_STRFTIMEOPTIONS`, C99).
const LUA_CONVERSIONS: &[&str] = &[
    "%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G", "%h", "%H", "%I", "%j",
    "%m", "%M", "%n", "%p", "%r", "%R", "%S", "%t", "%T", "%u", "%U", "%V", "%w", "%W", "%x", "%X",
    "%y", "%Y", "%z", "%Z", "%%", "%Ec", "%EC", "%Ex", "%EX", "%Ey", "%EY", "%Od", "%Oe", "%OH",
    "%OI", "%Om", "%OM", "%OS", "%Ou", "%OU", "%OV", "%Ow", "%OW", "%Oy",
];

// ---------------------------------------------------------------------------------------
// glibc, with TZ=UTC

extern "C" {
    fn tzset();
}

/// Serializes the calls into glibc's time functions, after setting `TZ=UTC` once for the
/// whole test binary. Tests run on parallel threads, and glibc's `localtime` briefly
/// clears `tzname`, which `strftime` reads for `%Z`.
fn glibc() -> MutexGuard<'static, ()> {
    static UTC: Once = Once::new();
    static LOCK: Mutex<()> = Mutex::new(());
    UTC.call_once(|| {
        std::env::set_var("TZ", "UTC");
        // SAFETY: runs once, before any other glibc time call of this binary.
        unsafe { tzset() };
    });
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}

fn to_libc(tm: &Tm, zone: Option<&'static CStr>) -> libc::tm {
    // SAFETY: all-zero is a valid `struct tm` (null `tm_zone`).
    let mut c: libc::tm = unsafe { std::mem::zeroed() };
    c.tm_sec = tm.tm_sec;
    c.tm_min = tm.tm_min;
    c.tm_hour = tm.tm_hour;
    c.tm_mday = tm.tm_mday;
    c.tm_mon = tm.tm_mon;
    c.tm_year = tm.tm_year;
    c.tm_wday = tm.tm_wday;
    c.tm_yday = tm.tm_yday;
    c.tm_isdst = tm.tm_isdst;
    c.tm_zone = zone.map_or(std::ptr::null(), CStr::as_ptr);
    c
}

fn from_libc(c: &libc::tm) -> Tm {
    Tm {
        tm_sec: c.tm_sec,
        tm_min: c.tm_min,
        tm_hour: c.tm_hour,
        tm_mday: c.tm_mday,
        tm_mon: c.tm_mon,
        tm_year: c.tm_year,
        tm_wday: c.tm_wday,
        tm_yday: c.tm_yday,
        tm_isdst: c.tm_isdst,
    }
}

/// glibc's broken-down time of 't' (`gmtime_r`, or `localtime_r` when 'local') with its zone.
fn glibc_broken_down(t: i64, local: bool) -> Option<(Tm, Vec<u8>)> {
    let _glibc = glibc();
    // SAFETY: all-zero is a valid `struct tm`.
    let mut c: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call.
    let result = unsafe {
        if local {
            libc::localtime_r(&t, &mut c)
        } else {
            libc::gmtime_r(&t, &mut c)
        }
    };
    if result.is_null() {
        return None;
    }
    // SAFETY: glibc sets `tm_zone` to a static NUL-terminated name.
    let zone = unsafe { CStr::from_ptr(c.tm_zone) }.to_bytes().to_vec();
    Some((from_libc(&c), zone))
}

/// glibc's `mktime` of 'tm': its result and the fields it leaves in 'tm'.
fn glibc_mktime(tm: &Tm) -> (i64, Tm) {
    let _glibc = glibc();
    let mut c = to_libc(tm, None);
    // SAFETY: 'c' is a valid `struct tm`.
    let t = unsafe { libc::mktime(&mut c) };
    (t, from_libc(&c))
}

/// glibc's `strftime` of 'fmt' into 'size' bytes: its result and what it wrote.
fn glibc_strftime_sized(
    fmt: &str,
    tm: &Tm,
    zone: Option<&'static CStr>,
    size: usize,
) -> (usize, Vec<u8>) {
    let _glibc = glibc();
    let c = to_libc(tm, zone);
    let fmt = std::ffi::CString::new(fmt).unwrap();
    let mut out = vec![0u8; size];
    // SAFETY: 'out' has 'size' bytes, 'fmt' is NUL-terminated, 'c' is valid.
    let n = unsafe { libc::strftime(out.as_mut_ptr().cast::<c_char>(), size, fmt.as_ptr(), &c) };
    (n, out)
}

fn glibc_strftime(fmt: &str, tm: &Tm, zone: Option<&'static CStr>) -> String {
    let (n, out) = glibc_strftime_sized(fmt, tm, zone, 250);
    String::from_utf8(out[..n].to_vec()).unwrap()
}

// ---------------------------------------------------------------------------------------
// Ours

fn ours_strftime(fmt: &str, tm: &Tm, zone: Option<&CStr>) -> String {
    let mut out = [0u8; 250];
    let n = format_time(&mut out, fmt.as_bytes(), tm, zone.map(CStr::to_bytes));
    assert_eq!(out[n], 0, "the result of {fmt:?} is NUL-terminated");
    String::from_utf8(out[..n].to_vec()).unwrap()
}

fn zone_name(zone: &[u8]) -> &'static CStr {
    match zone {
        b"GMT" => c"GMT",
        b"UTC" => c"UTC",
        other => panic!("unexpected zone {other:?}"),
    }
}

/// Asserts that 'fmt' formats 'tm' as glibc does.
fn assert_strftime(fmt: &str, tm: &Tm, zone: Option<&'static CStr>, case: &str) {
    let expected = glibc_strftime(fmt, tm, zone);
    let actual = ours_strftime(fmt, tm, zone);
    assert_eq!(
        actual, expected,
        "\nformat {fmt:?} of {tm:?} (zone {zone:?}, {case})\nexpected (glibc): {expected:?}\nactual:           {actual:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Random cases: splitmix64 with a fixed seed.

impl Rng {
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi as i128 - lo as i128 + 1) as u128;
        (lo as i128 + (self.next() as u128 % span) as i128) as i64
    }

    /// A time: mostly in the years Lua programs use, often anywhere representable,
    /// sometimes near the ends of the representable range.
    fn time(&mut self) -> i64 {
        match self.next() % 8 {
            0..=3 => self.range(-5_000_000_000, 5_000_000_000),
            4 | 5 => self.range(FIRST, AFTER_LAST - 1),
            6 => FIRST + self.range(0, 100 * 366 * 86_400),
            _ => AFTER_LAST - 1 - self.range(0, 100 * 366 * 86_400),
        }
    }

    /// An `int` field: in range, a little out of range, far out, or anywhere.
    fn field(&mut self, lo: i32, hi: i32) -> i32 {
        match self.next() % 4 {
            0 => self.range(lo.into(), hi.into()) as i32,
            1 => self.range(i64::from(lo) - 100, i64::from(hi) + 100) as i32,
            2 => self.range(-1_000_000, 1_000_000) as i32,
            _ => self.next() as i32,
        }
    }
}

fn broken_down(t: i64) -> Tm {
    civil_from_unix(t).unwrap_or_else(|| panic!("{t} is representable"))
}

/// The time of 'year'-'month'-'day' 00:00:00 UTC, from glibc.
fn midnight(year: i64, month: i32, day: i32) -> i64 {
    let tm = Tm {
        tm_mday: day,
        tm_mon: month - 1,
        tm_year: (year - 1900) as i32,
        ..Tm::default()
    };
    glibc_mktime(&tm).0
}

// ---------------------------------------------------------------------------------------
// gmtime

#[test]
fn gmtime_of_the_epoch_is_thursday_january_first_1970() {
    let epoch = Tm {
        tm_mday: 1,
        tm_year: 70,
        tm_wday: 4,
        ..Tm::default()
    };
    assert_eq!(civil_from_unix(0), Some(epoch));
}

#[test]
fn gmtime_agrees_with_glibc_on_random_times() {
    let mut rng = Rng(1);
    for i in 0..200_000 {
        // One in ten anywhere in i64, which is mostly beyond the int years.
        let t = if i % 10 == 0 {
            rng.next() as i64
        } else {
            rng.time()
        };
        let expected = glibc_broken_down(t, false).map(|(tm, _)| tm);
        assert_eq!(civil_from_unix(t), expected, "gmtime({t})");
    }
}

#[test]
fn gmtime_agrees_with_glibc_on_every_day_boundary_around_new_year_and_february() {
    for year in -2500..2500 {
        let jan1 = midnight(year, 1, 1);
        for day in -2..62 {
            let t = jan1 + day * 86_400;
            for t in [t - 1, t, t + 43_200] {
                let expected = glibc_broken_down(t, false).map(|(tm, _)| tm);
                assert_eq!(civil_from_unix(t), expected, "gmtime({t})");
            }
        }
    }
}

#[test]
fn gmtime_fails_exactly_when_the_year_does_not_fit_an_int() {
    let last = Tm {
        tm_sec: 59,
        tm_min: 59,
        tm_hour: 23,
        tm_mday: 31,
        tm_mon: 11,
        tm_year: i32::MAX,
        tm_wday: 3,
        tm_yday: 364,
        tm_isdst: 0,
    };
    let first = Tm {
        tm_mday: 1,
        tm_year: i32::MIN,
        tm_wday: 4,
        ..Tm::default()
    };
    assert_eq!(civil_from_unix(AFTER_LAST - 1), Some(last));
    assert_eq!(civil_from_unix(AFTER_LAST), None);
    assert_eq!(civil_from_unix(FIRST), Some(first));
    assert_eq!(civil_from_unix(FIRST - 1), None);
    for t in [i64::MIN, i64::MIN + 1, i64::MAX, AFTER_LAST, FIRST - 1] {
        assert_eq!(civil_from_unix(t), None, "gmtime({t})");
        assert_eq!(glibc_broken_down(t, false), None, "glibc gmtime({t})");
    }
    for k in 0..10_000 {
        for t in [AFTER_LAST - 1 - k, FIRST + k, AFTER_LAST + k, FIRST - 1 - k] {
            let expected = glibc_broken_down(t, false).map(|(tm, _)| tm);
            assert_eq!(civil_from_unix(t), expected, "gmtime({t})");
        }
    }
}

#[test]
fn localtime_is_gmtime_in_utc_but_glibc_names_the_zones_differently() {
    let mut rng = Rng(2);
    for _ in 0..10_000 {
        let t = rng.time();
        let (gm, gm_zone) = glibc_broken_down(t, false).unwrap();
        let (local, local_zone) = glibc_broken_down(t, true).unwrap();
        assert_eq!(gm, local, "t = {t}");
        assert_eq!(
            (gm_zone.as_slice(), local_zone.as_slice()),
            (GMTIME_ZONE, LOCALTIME_ZONE)
        );
    }
}

// ---------------------------------------------------------------------------------------
// mktime

#[test]
fn mktime_inverts_gmtime() {
    let mut rng = Rng(3);
    for _ in 0..100_000 {
        let t = rng.time();
        let mut tm = broken_down(t);
        let before = tm;
        assert_eq!(unix_from_civil(&mut tm), Some(t), "mktime({before:?})");
        assert_eq!(tm, before, "mktime leaves a normalized time as it is");
    }
}

#[test]
fn mktime_normalizes_out_of_range_fields_as_glibc_does() {
    let mut rng = Rng(4);
    for _ in 0..50_000 {
        let tm = Tm {
            tm_sec: rng.field(0, 60),
            tm_min: rng.field(0, 59),
            tm_hour: rng.field(0, 23),
            tm_mday: rng.field(1, 31),
            tm_mon: rng.field(0, 11),
            tm_year: rng.field(-2000, 2000),
            tm_wday: rng.next() as i32,
            tm_yday: rng.next() as i32,
            tm_isdst: rng.range(-1, 2) as i32,
        };
        assert_mktime(tm);
    }
}

#[test]
fn mktime_agrees_with_glibc_near_the_ends_of_the_int_year_range() {
    let mut rng = Rng(5);
    // Few cases: glibc's mktime takes about a millisecond to fail out there.
    for _ in 0..5_000 {
        let year = [i32::MAX, i32::MIN][rng.range(0, 1) as usize];
        let tm = Tm {
            tm_sec: rng.range(-4000, 4000) as i32,
            tm_min: rng.range(-100, 100) as i32,
            tm_hour: rng.range(-30, 30) as i32,
            tm_mday: rng.range(-40, 40) as i32,
            tm_mon: rng.range(-14, 14) as i32,
            tm_year: year.wrapping_sub(rng.range(-1, 1) as i32),
            tm_isdst: rng.range(-1, 1) as i32,
            ..Tm::default()
        };
        assert_mktime(tm);
    }
}

/// Asserts that `mktime` of 'tm' returns what glibc's does and leaves the same fields.
fn assert_mktime(tm: Tm) {
    let (expected_t, expected_tm) = glibc_mktime(&tm);
    let mut actual_tm = tm;
    let actual_t = unix_from_civil(&mut actual_tm).unwrap_or(-1);
    assert_eq!(
        (actual_t, actual_tm),
        (expected_t, expected_tm),
        "\nmktime({tm:?})\nexpected (glibc): {expected_t} {expected_tm:?}\nactual:           {actual_t} {actual_tm:?}"
    );
}

#[test]
fn mktime_with_isdst_set_answers_one_hour_earlier_as_glibc_does() {
    // os.time{year=2000, month=1, day=1, hour=0, isdst=true} on Linux with TZ=UTC.
    let mut tm = Tm {
        tm_mday: 1,
        tm_year: 100,
        tm_isdst: 1,
        ..Tm::default()
    };
    assert_mktime(tm);
    assert_eq!(unix_from_civil(&mut tm), Some(946_684_800 - 3600));
    assert_eq!(
        (tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour),
        (99, 11, 31, 23)
    );
    assert_eq!(tm.tm_isdst, 0);
}

#[test]
fn mktime_fails_when_the_time_with_seconds_clamped_to_0_59_is_out_of_range() {
    // 24:00:-1 of the last representable day is its last second, but glibc first
    // probes 24:00:00, which is out of range.
    let tm = Tm {
        tm_sec: -1,
        tm_hour: 24,
        tm_mday: 31,
        tm_mon: 11,
        tm_year: i32::MAX,
        ..Tm::default()
    };
    assert_mktime(tm);
    assert_eq!(unix_from_civil(&mut { tm }), None);
    let tm = Tm {
        tm_sec: 3600,
        tm_hour: -1,
        tm_mday: 1,
        tm_year: i32::MIN,
        ..Tm::default()
    };
    assert_mktime(tm);
    assert_eq!(unix_from_civil(&mut { tm }), None);
}

#[test]
fn mktime_leaves_the_fields_alone_when_it_fails() {
    let before = Tm {
        tm_mon: i32::MAX,
        tm_year: i32::MAX,
        tm_wday: 9,
        tm_isdst: -1,
        ..Tm::default()
    };
    let mut tm = before;
    assert_eq!(unix_from_civil(&mut tm), None);
    assert_eq!(tm, before);
    assert_mktime(before);
}

#[test]
fn mktime_of_the_second_before_the_epoch_succeeds_with_minus_one() {
    // C's mktime cannot tell this -1 from an error; Lua then reports an error, on Linux too.
    let mut tm = Tm {
        tm_sec: 59,
        tm_min: 59,
        tm_hour: 23,
        tm_mday: 31,
        tm_mon: 11,
        tm_year: 69,
        ..Tm::default()
    };
    assert_mktime(tm);
    assert_eq!(unix_from_civil(&mut tm), Some(-1));
}

// ---------------------------------------------------------------------------------------
// strftime

#[test]
fn strftime_agrees_with_glibc_on_every_conversion_lua_allows() {
    let mut rng = Rng(6);
    for _ in 0..20_000 {
        let t = rng.time();
        for local in [false, true] {
            let (tm, zone) = glibc_broken_down(t, local).unwrap();
            let zone = Some(zone_name(&zone));
            for fmt in LUA_CONVERSIONS {
                assert_strftime(fmt, &tm, zone, &format!("t = {t}"));
            }
        }
    }
}

#[test]
fn strftime_prints_the_c_locale_formats_native_lua_prints() {
    // os.date("!...", 0) and os.date("!...", 1700000000) with Lua 5.4 on Linux.
    let epoch = broken_down(0);
    let cases = [
        ("%c", &epoch, "Thu Jan  1 00:00:00 1970"),
        (
            "%x|%X|%D|%F|%R|%T",
            &epoch,
            "01/01/70|00:00:00|01/01/70|1970-01-01|00:00|00:00:00",
        ),
        ("%I %p|%r|%e|%j", &epoch, "12 AM|12:00:00 AM| 1|001"),
        ("%G-W%V-%u|%U|%W|%w", &epoch, "1970-W01-4|00|00|4"),
        ("%a %A %b %B %h", &epoch, "Thu Thursday Jan January Jan"),
        ("%z %Z %%|%n|%t", &epoch, "+0000 GMT %|\n|\t"),
    ];
    for (fmt, tm, expected) in cases {
        assert_eq!(
            ours_strftime(fmt, tm, Some(c"GMT")),
            expected,
            "format {fmt:?}"
        );
        assert_strftime(fmt, tm, Some(c"GMT"), "example");
    }
    let later = broken_down(1_700_000_000);
    assert_eq!(
        ours_strftime("%c|%r|%Ec|%EY|%Oy", &later, Some(c"GMT")),
        "Tue Nov 14 22:13:20 2023|10:13:20 PM|Tue Nov 14 22:13:20 2023|2023|23"
    );
}

#[test]
fn strftime_iso_weeks_agree_with_glibc_around_every_new_year() {
    for year in -3000..3000 {
        let jan1 = midnight(year, 1, 1);
        for day in -10..10 {
            let t = jan1 + day * 86_400;
            let tm = broken_down(t);
            for fmt in ["%G-W%V-%u", "%g", "%OV", "%U %W %j", "%OU %OW %Ow"] {
                assert_strftime(fmt, &tm, Some(c"GMT"), &format!("t = {t}"));
            }
        }
    }
}

#[test]
fn strftime_computes_the_year_in_int_and_wraps_near_the_limit_as_glibc_does() {
    // tm_year = INT_MAX is year 2147485547, which glibc prints as 2147485547 - 2^32. Its
    // last day, a Wednesday, is in ISO week 1 of the (wrapped) year after.
    let last = broken_down(AFTER_LAST - 1);
    assert_eq!(
        ours_strftime("%Y %C %y %G %g %V", &last, Some(c"GMT")),
        "-2147481749 -21474818 47 -2147481748 52 01"
    );
    // tm_year = INT_MIN is year -2147481748, which fits an int.
    let first = broken_down(FIRST);
    assert_eq!(
        ours_strftime("%Y %C %y %G %g %V", &first, Some(c"GMT")),
        "-2147481748 -21474818 52 -2147481748 52 01"
    );
    for k in 0..5_000 {
        for t in [
            AFTER_LAST - 1 - k * 86_400,
            FIRST + k * 86_400,
            midnight(1, 1, 1) - k * 86_400,
        ] {
            let tm = broken_down(t);
            for fmt in [
                "%Y", "%C", "%y", "%G", "%g", "%V", "%c", "%D", "%F", "%EC", "%Ey", "%EY",
            ] {
                assert_strftime(fmt, &tm, Some(c"GMT"), &format!("t = {t}"));
            }
        }
    }
}

#[test]
fn strftime_prints_years_before_1000_and_before_0_without_padding() {
    let year = |y: i64| broken_down(midnight(y, 7, 2));
    assert_eq!(
        ours_strftime("%Y|%C|%y|%F", &year(999), None),
        "999|9|99|999-07-02"
    );
    assert_eq!(ours_strftime("%Y|%C|%y", &year(5), None), "5|0|05");
    assert_eq!(ours_strftime("%Y|%C|%y", &year(-1), None), "-1|-1|99");
    assert_eq!(ours_strftime("%Y|%C|%y", &year(-101), None), "-101|-2|99");
    for y in -1200..1200 {
        assert_strftime("%Y %C %y %G %g %F %c", &year(y), None, &format!("year {y}"));
    }
}

#[test]
fn strftime_names_the_zone_gmt_after_gmtime_and_utc_after_localtime() {
    let tm = broken_down(1_700_000_000);
    assert_eq!(ours_strftime("%Z %z", &tm, Some(c"GMT")), "GMT +0000");
    assert_eq!(ours_strftime("%Z %z", &tm, Some(c"UTC")), "UTC +0000");
    assert_strftime("%Z %z", &tm, Some(c"GMT"), "gmtime");
    assert_strftime("%Z %z", &tm, Some(c"UTC"), "localtime");
}

#[test]
fn strftime_without_a_zone_falls_back_to_utc_unless_isdst_is_negative() {
    let mut tm = broken_down(1_700_000_000);
    for isdst in [-5, -1, 0, 1, 2, 9] {
        tm.tm_isdst = isdst;
        assert_strftime("[%Z] [%z]", &tm, None, "no tm_zone");
    }
    tm.tm_isdst = -1;
    assert_eq!(ours_strftime("[%Z] [%z]", &tm, None), "[] []");
}

#[test]
fn strftime_formats_out_of_range_fields_as_glibc_does() {
    let mut rng = Rng(7);
    for _ in 0..20_000 {
        let mut field = |lo: i64, hi: i64| rng.range(lo, hi) as i32;
        let tm = Tm {
            tm_sec: field(-1000, 1000),
            tm_min: field(-1000, 1000),
            tm_hour: field(-1000, 1000),
            tm_mday: field(-1000, 1000),
            tm_mon: field(-20, 20),
            tm_year: field(-3000, 3000),
            tm_wday: field(-10, 10),
            tm_yday: field(-366, 1000),
            tm_isdst: field(-2, 2),
        };
        for fmt in LUA_CONVERSIONS {
            assert_strftime(fmt, &tm, None, "out-of-range fields");
        }
    }
}

#[test]
fn strftime_returns_zero_unless_the_result_and_its_nul_fit() {
    let tm = broken_down(1_700_000_000);
    for fmt in ["%c", "%A %B %d", "%Y", "plain text", "", "%Z", "%e%n%t%%"] {
        let full = ours_strftime(fmt, &tm, Some(c"GMT"));
        for size in 0..=full.len() + 2 {
            let (expected, glibc_out) = glibc_strftime_sized(fmt, &tm, Some(c"GMT"), size);
            let mut out = vec![0xaa; size];
            let actual = format_time(&mut out, fmt.as_bytes(), &tm, Some(GMTIME_ZONE));
            assert_eq!(actual, expected, "strftime({fmt:?}) into {size} bytes");
            assert_eq!(actual, if size > full.len() { full.len() } else { 0 });
            if actual > 0 {
                assert_eq!(
                    out[..=actual],
                    glibc_out[..=actual],
                    "strftime({fmt:?}) into {size} bytes"
                );
            }
        }
    }
}

#[test]
fn strftime_copies_what_it_does_not_know_verbatim_as_glibc_does() {
    let tm = broken_down(1_700_000_000);
    // Every letter Lua allows, with either modifier: some are conversions, some are copied.
    for letter in "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%".chars() {
        for modifier in ['E', 'O'] {
            assert_strftime(
                &format!("<%{modifier}{letter}>"),
                &tm,
                Some(c"GMT"),
                "modifier",
            );
        }
    }
    for fmt in [
        "%J", "%K", "%L", "%N", "%Q", "%f", "%i", "%o", "%q", "%v", "%", "%E", "%O", "a%", "%Ea",
        "%OF",
    ] {
        assert_strftime(fmt, &tm, Some(c"GMT"), "unknown");
    }
    assert_eq!(ours_strftime("%Q|%Ea|%", &tm, None), "%Q|%Ea|%");
}

// ---------------------------------------------------------------------------------------
// difftime

#[test]
fn difftime_agrees_with_glibc() {
    let mut rng = Rng(8);
    let edges = [
        i64::MIN,
        i64::MIN + 1,
        -1,
        0,
        1,
        i64::MAX - 1,
        i64::MAX,
        1 << 53,
        (1 << 53) + 1,
    ];
    let mut pairs: Vec<(i64, i64)> = edges
        .iter()
        .flat_map(|&a| edges.iter().map(move |&b| (a, b)))
        .collect();
    pairs.extend((0..100_000).map(|_| (rng.next() as i64, rng.next() as i64)));
    for (a, b) in pairs {
        let _glibc = glibc();
        // SAFETY: difftime is a pure function.
        let expected = unsafe { libc::difftime(a, b) };
        assert_eq!(
            seconds_between(a, b).to_bits(),
            expected.to_bits(),
            "difftime({a}, {b})"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The C entry points (one test: they share a static buffer)

#[test]
fn c_entry_points_share_one_result_that_remembers_which_call_filled_it() {
    use lua_wasm_libc::time as c;
    let fmt = c"%Z %F";
    let mut out = [0 as c_char; 64];
    let mut print = |tm: *const Tm| {
        // SAFETY: 'out' has 64 bytes, 'fmt' is NUL-terminated, 'tm' is valid.
        let n = unsafe { c::strftime(out.as_mut_ptr(), out.len(), fmt.as_ptr(), tm) };
        // SAFETY: strftime NUL-terminated its result.
        let s = unsafe { CStr::from_ptr(out.as_ptr()) }
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(n, s.len());
        s
    };
    // SAFETY: every pointer passed below is valid; no other test calls these functions.
    unsafe {
        let gm = c::gmtime(&0);
        assert_eq!(print(gm), "GMT 1970-01-01");
        let local = c::localtime(&86_400);
        assert_eq!(
            local, gm,
            "gmtime and localtime share their result, as in glibc"
        );
        assert_eq!(print(local), "UTC 1970-01-02");
        assert_eq!(*local, broken_down(86_400));

        assert!(c::gmtime(&AFTER_LAST).is_null());
        assert!(c::localtime(&(FIRST - 1)).is_null());
        assert_eq!(
            *local,
            broken_down(86_400),
            "a failed call leaves the result alone"
        );

        let gm = c::gmtime(&0);
        (*gm).tm_mday = 32;
        assert_eq!(c::mktime(gm), 31 * 86_400);
        assert_eq!(
            print(gm),
            "UTC 1970-02-01",
            "mktime names its result's zone as localtime"
        );

        let mut own = Tm {
            tm_mday: 1,
            tm_year: 70,
            tm_isdst: 0,
            ..Tm::default()
        };
        assert_eq!(c::mktime(&mut own), 0);
        assert_eq!(print(&own), "UTC 1970-01-01");
        own.tm_year = i32::MAX;
        own.tm_mon = 12;
        assert_eq!(c::mktime(&mut own), -1);

        assert_eq!(c::strftime(std::ptr::null_mut(), 0, fmt.as_ptr(), &own), 0);
        assert_eq!(c::difftime(10, 4), 6.0);
    }
}
