//! `<time.h>`'s calendar for the C side (`gmtime`, `localtime`, `mktime`, `strftime`,
//! `difftime`), behaving exactly as glibc with `TZ=UTC`: lua.wasm has no time zones, so its
//! local time is UTC. `time` and `clock` ask the host and live in `clock.rs`.
//!
//! The C entry points are thin wrappers over safe functions that `tests/time_vs_glibc.rs`
//! compares with glibc. glibc's quirks are kept on purpose, since native Lua shows them:
//!
//! - `mktime` with `tm_isdst > 0` answers one hour earlier: glibc looks for a daylight-saving
//!   offset nearby, finds none in UTC, and assumes a one-hour one.
//! - `mktime` fails when the time is representable but the time with its seconds clamped
//!   to 0..=59 is not (glibc probes with clamped seconds, then adds the rest).
//! - `%Y`, `%C`, `%G` and `%g` compute `tm_year + 1900` as a C `int`, which wraps for the
//!   last 1900 representable years: year 2147483648 prints as "-2147483648".
//! - `%Z` prints glibc's `tm_zone`: "GMT" after `gmtime`, "UTC" after `localtime` and
//!   `mktime`. Our `struct tm` has no `tm_zone`, so the zone travels beside the one static
//!   result of `gmtime`/`localtime` (see [`zone_of`]).
//!
//! `strftime` knows every conversion of C99 plus its `E` and `O` modifiers, which is what
//! Lua lets through (`LUA_STRFTIMEOPTIONS` in `loslib.c`). glibc's own extensions (flags
//! such as `%_d`, field widths, `%k`, `%s`, ...) are not implemented: they are copied to the
//! output verbatim, as glibc does with conversions it does not know.

use core::cell::{Cell, UnsafeCell};
use core::ffi::{c_char, c_int, CStr};
use core::ptr;

/// `struct tm` of our `include/time.h`: glibc's without `tm_gmtoff` and `tm_zone`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tm {
    pub tm_sec: c_int,
    pub tm_min: c_int,
    pub tm_hour: c_int,
    pub tm_mday: c_int,
    pub tm_mon: c_int,
    pub tm_year: c_int,
    pub tm_wday: c_int,
    pub tm_yday: c_int,
    pub tm_isdst: c_int,
}

/// The `tm_zone` glibc gives the result of `gmtime`.
pub const GMTIME_ZONE: &[u8] = b"GMT";
/// The `tm_zone` glibc gives the results of `localtime` and `mktime` with `TZ=UTC`.
pub const LOCALTIME_ZONE: &[u8] = b"UTC";

const SECS_PER_DAY: i64 = 86_400;

/// Days before each month, in common and in leap years.
const DAYS_BEFORE_MONTH: [[i32; 13]; 2] = [
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
    [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Leap years in 1..'year' (negative for years before 1), as glibc's LEAPS_THRU_END_OF(y - 1).
fn leaps_before(year: i64) -> i64 {
    let y = year - 1;
    y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

/// Days from 1970-01-01 to January 1st of 'year'.
fn days_before_year(year: i64) -> i64 {
    (year - 1970) * 365 + leaps_before(year) - leaps_before(1970)
}

/// The broken-down UTC time of 't' seconds since the epoch, as glibc's `gmtime_r`
/// (`tm_isdst` = 0); `None` when its year does not fit `tm_year`, an `int`.
pub fn civil_from_unix(t: i64) -> Option<Tm> {
    let mut days = t.div_euclid(SECS_PER_DAY);
    let secs = t.rem_euclid(SECS_PER_DAY) as i32;
    // 1970-01-01 was a Thursday.
    let wday = (days + 4).rem_euclid(7) as i32;
    // glibc's search: guess the year assuming 365-day years, correct, repeat (a few rounds).
    let mut year = 1970;
    while days < 0 || days >= 365 + i64::from(is_leap(year)) {
        let guess = year + days.div_euclid(365);
        days -= days_before_year(guess) - days_before_year(year);
        year = guess;
    }
    let tm_year = i32::try_from(year - 1900).ok()?;
    let yday = days as i32;
    let table = &DAYS_BEFORE_MONTH[usize::from(is_leap(year))];
    let mon = table
        .iter()
        .rposition(|&before| before <= yday)
        .unwrap_or(0);
    Some(Tm {
        tm_sec: secs % 60,
        tm_min: secs / 60 % 60,
        tm_hour: secs / 3600,
        tm_mday: yday - table[mon] + 1,
        tm_mon: mon as i32,
        tm_year,
        tm_wday: wday,
        tm_yday: yday,
        tm_isdst: 0,
    })
}

/// The seconds since the epoch of the UTC time in 'tm', as glibc's `mktime` with `TZ=UTC`:
/// every field may be out of range (month 13, day -40, second 3600, ...). On success 'tm'
/// is normalized (with `tm_wday`, `tm_yday` and `tm_isdst` = 0); on `None` (the result's
/// year does not fit an `int`) it is left as it was.
pub fn unix_from_civil(tm: &mut Tm) -> Option<i64> {
    let year = 1900 + i64::from(tm.tm_year) + i64::from(tm.tm_mon.div_euclid(12));
    let mon = tm.tm_mon.rem_euclid(12) as usize;
    let yday =
        i64::from(DAYS_BEFORE_MONTH[usize::from(is_leap(year))][mon]) + i64::from(tm.tm_mday) - 1;
    // No overflow: |days| < 2^41, so |days * 86400| < 2^58; the other terms are below 2^43.
    let days = days_before_year(year) + yday;
    let clamped_sec = tm.tm_sec.clamp(0, 59);
    let mut t = days * SECS_PER_DAY
        + i64::from(tm.tm_hour) * 3600
        + i64::from(tm.tm_min) * 60
        + i64::from(clamped_sec);
    civil_from_unix(t)?;
    if tm.tm_isdst > 0 {
        t -= 3600;
        civil_from_unix(t)?;
    }
    t += i64::from(tm.tm_sec) - i64::from(clamped_sec);
    *tm = civil_from_unix(t)?;
    Some(t)
}

/// `difftime`: 'a' - 'b' in seconds, correctly rounded (as glibc, which subtracts in a
/// `long double` wide enough to be exact).
pub fn seconds_between(a: i64, b: i64) -> f64 {
    (i128::from(a) - i128::from(b)) as f64
}

const DAY_NAMES: [&[u8]; 7] = [
    b"Sunday",
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
];
const MONTH_NAMES: [&[u8]; 12] = [
    b"January",
    b"February",
    b"March",
    b"April",
    b"May",
    b"June",
    b"July",
    b"August",
    b"September",
    b"October",
    b"November",
    b"December",
];

/// The name at 'index', or its first three letters; "?" out of range, as glibc.
fn name(names: &[&'static [u8]], index: c_int, abbreviated: bool) -> &'static [u8] {
    match usize::try_from(index).ok().and_then(|i| names.get(i)) {
        Some(name) if abbreviated => &name[..3],
        Some(name) => name,
        None => b"?",
    }
}

/// `strftime` into 'out' with C's contract: the result and a terminating NUL are written
/// and the result's length returned, or 0 when they do not fit. 'zone' is glibc's
/// `tm_zone` for `%Z`: [`GMTIME_ZONE`], [`LOCALTIME_ZONE`] or `None` for a `struct tm`
/// that no conversion filled (then `%Z` prints what glibc prints with `TZ=UTC`).
pub fn format_time(out: &mut [u8], fmt: &[u8], tm: &Tm, zone: Option<&[u8]>) -> usize {
    let zone = match zone {
        Some(zone) if !zone.is_empty() => zone,
        // glibc falls back to tzname[tm_isdst], both "UTC" with TZ=UTC.
        _ if tm.tm_isdst < 0 => b"",
        _ if tm.tm_isdst <= 1 => LOCALTIME_ZONE,
        _ => b"?",
    };
    let mut writer = Writer {
        out,
        len: 0,
        full: false,
    };
    writer.format(fmt, tm, zone);
    let Writer { out, len, full } = writer;
    // 'len' < 'out.len()' unless 'out' is empty: push keeps room for the NUL.
    if full || len >= out.len() {
        return 0;
    }
    out[len] = 0;
    len
}

/// Output of `strftime`: stops writing (and sets 'full') once a byte and the NUL would
/// not both fit.
struct Writer<'a> {
    out: &'a mut [u8],
    len: usize,
    full: bool,
}

/// How `number` pads to its width: `%e` pads with spaces, every other conversion with zeros.
#[derive(Clone, Copy, PartialEq)]
enum Pad {
    Zeros,
    Spaces,
}

impl Writer<'_> {
    fn push(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if self.full || end >= self.out.len() {
            self.full = true;
            return;
        }
        self.out[self.len..end].copy_from_slice(bytes);
        self.len = end;
    }

    /// glibc's DO_NUMBER: 'value' in decimal, padded to 'width' characters including a
    /// '-' sign; zeros go after the sign, spaces before it.
    fn number(&mut self, value: i32, width: usize, pad: Pad) {
        let mut digits = [0u8; 11];
        let mut start = digits.len();
        let mut rest = value.unsigned_abs();
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let len = digits.len() - start + usize::from(value < 0);
        let padding = width.saturating_sub(len);
        if pad == Pad::Spaces {
            (0..padding).for_each(|_| self.push(b" "));
        }
        if value < 0 {
            self.push(b"-");
        }
        if pad == Pad::Zeros {
            (0..padding).for_each(|_| self.push(b"0"));
        }
        self.push(&digits[start..]);
    }

    fn format(&mut self, fmt: &[u8], tm: &Tm, zone: &[u8]) {
        let mut i = 0;
        while i < fmt.len() {
            if fmt[i] != b'%' {
                self.push(&fmt[i..=i]);
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            let modifier = match fmt.get(i) {
                Some(&m @ (b'E' | b'O')) => {
                    i += 1;
                    Some(m)
                }
                _ => None,
            };
            match fmt.get(i) {
                Some(&conversion) if self.conversion(conversion, modifier, tm, zone) => {}
                // Unknown, or with a modifier it does not take: copied as is, except that
                // glibc copies only from the last '%' ("%E%" prints "%").
                Some(&conversion) => {
                    let from = if conversion == b'%' { i } else { start };
                    self.push(&fmt[from..=i]);
                }
                // A '%' (and modifier) ending the format.
                None => self.push(&fmt[start..]),
            }
            i += 1;
        }
    }

    /// Writes one conversion; false (writing nothing) when glibc does not know it with
    /// this 'modifier'. In the C locale the `E` and `O` forms have no alternative
    /// representation, so they print like the plain ones.
    fn conversion(&mut self, conversion: u8, modifier: Option<u8>, tm: &Tm, zone: &[u8]) -> bool {
        let (e, o) = (modifier == Some(b'E'), modifier == Some(b'O'));
        // glibc computes in int and wraps: reproduce it with explicit wrapping.
        let year = tm.tm_year.wrapping_add(1900);
        let hour12 = match tm.tm_hour {
            0 => 12,
            h if h > 12 => h - 12,
            h => h,
        };
        match conversion {
            b'%' if modifier.is_none() => self.push(b"%"),
            b'a' if modifier.is_none() => self.push(name(&DAY_NAMES, tm.tm_wday, true)),
            b'A' if modifier.is_none() => self.push(name(&DAY_NAMES, tm.tm_wday, false)),
            b'b' | b'h' if !e => self.push(name(&MONTH_NAMES, tm.tm_mon, true)),
            b'B' if !e => self.push(name(&MONTH_NAMES, tm.tm_mon, false)),
            b'c' if !o => self.format(b"%a %b %e %H:%M:%S %Y", tm, zone),
            b'C' => self.number(year / 100 - i32::from(year % 100 < 0), 1, Pad::Zeros),
            b'd' if !e => self.number(tm.tm_mday, 2, Pad::Zeros),
            b'D' if modifier.is_none() => self.format(b"%m/%d/%y", tm, zone),
            b'e' if !e => self.number(tm.tm_mday, 2, Pad::Spaces),
            b'F' if modifier.is_none() => self.format(b"%Y-%m-%d", tm, zone),
            b'g' | b'G' | b'V' if !e => {
                let (year, week) = iso_year_and_week(year, tm.tm_yday, tm.tm_wday);
                match conversion {
                    b'g' => self.number((year % 100 + 100) % 100, 2, Pad::Zeros),
                    b'G' => self.number(year, 1, Pad::Zeros),
                    _ => self.number(week, 2, Pad::Zeros),
                }
            }
            b'H' if !e => self.number(tm.tm_hour, 2, Pad::Zeros),
            b'I' if !e => self.number(hour12, 2, Pad::Zeros),
            b'j' if !e => self.number(tm.tm_yday.wrapping_add(1), 3, Pad::Zeros),
            b'm' if !e => self.number(tm.tm_mon.wrapping_add(1), 2, Pad::Zeros),
            b'M' if !e => self.number(tm.tm_min, 2, Pad::Zeros),
            b'n' => self.push(b"\n"),
            b'p' => self.push(if tm.tm_hour > 11 { b"PM" } else { b"AM" }),
            b'r' => self.format(b"%I:%M:%S %p", tm, zone),
            b'R' => self.format(b"%H:%M", tm, zone),
            b'S' if !e => self.number(tm.tm_sec, 2, Pad::Zeros),
            b't' => self.push(b"\t"),
            b'T' => self.format(b"%H:%M:%S", tm, zone),
            b'u' => self.number(
                (tm.tm_wday.wrapping_sub(1).wrapping_add(7)) % 7 + 1,
                1,
                Pad::Zeros,
            ),
            b'U' if !e => {
                let week = tm.tm_yday.wrapping_sub(tm.tm_wday).wrapping_add(7) / 7;
                self.number(week, 2, Pad::Zeros)
            }
            b'w' if !e => self.number(tm.tm_wday, 1, Pad::Zeros),
            b'W' if !e => {
                let since_monday = tm.tm_wday.wrapping_sub(1).wrapping_add(7) % 7;
                self.number(
                    tm.tm_yday.wrapping_sub(since_monday).wrapping_add(7) / 7,
                    2,
                    Pad::Zeros,
                )
            }
            b'x' if !o => self.format(b"%m/%d/%y", tm, zone),
            b'X' if !o => self.format(b"%H:%M:%S", tm, zone),
            b'y' => self.number((tm.tm_year % 100 + 100) % 100, 2, Pad::Zeros),
            b'Y' if !o => self.number(year, 1, Pad::Zeros),
            // The offset from UTC, always 0; nothing when daylight saving is unknown.
            b'z' if tm.tm_isdst >= 0 => self.push(b"+0000"),
            b'z' => {}
            b'Z' => self.push(zone),
            _ => return false,
        }
        true
    }
}

/// glibc's iso_week_days: days from the Monday starting ISO week 1 of the year holding
/// year day 'yday' (week day 'wday') to that day; negative when the day belongs to the
/// previous ISO year.
fn iso_week_days(yday: i32, wday: i32) -> i32 {
    // Keeps the left operand of % non-negative for yday >= -366.
    const BIG_ENOUGH_MULTIPLE_OF_7: i32 = (366 / 7 + 2) * 7;
    let thursday_offset = yday
        .wrapping_sub(wday)
        .wrapping_add(4 + BIG_ENOUGH_MULTIPLE_OF_7)
        % 7;
    yday.wrapping_sub(thursday_offset).wrapping_add(3)
}

/// The ISO 8601 year (`%G`, computed from the wrapped 'year' as glibc) and week (`%V`)
/// of year day 'yday' with week day 'wday'.
fn iso_year_and_week(year: i32, yday: i32, wday: i32) -> (i32, i32) {
    let year_length = |year: i32| 365 + i32::from(is_leap(i64::from(year)));
    let mut iso_year = year;
    let mut days = iso_week_days(yday, wday);
    if days < 0 {
        iso_year = year.wrapping_sub(1);
        days = iso_week_days(yday.wrapping_add(year_length(iso_year)), wday);
    } else {
        let next = iso_week_days(yday.wrapping_sub(year_length(year)), wday);
        if next >= 0 {
            iso_year = year.wrapping_add(1);
            days = next;
        }
    }
    (iso_year, days / 7 + 1)
}

/// The one result buffer of `gmtime` and `localtime`, shared as in glibc, with the
/// `tm_zone` glibc would store in it.
struct Shared {
    tm: UnsafeCell<Tm>,
    zone: Cell<&'static [u8]>,
}

// SAFETY: only the C entry points below touch it, and their contract (as C's) is that
// they are not called concurrently; lua.wasm is single-threaded.
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared {
    tm: UnsafeCell::new(Tm {
        tm_sec: 0,
        tm_min: 0,
        tm_hour: 0,
        tm_mday: 1,
        tm_mon: 0,
        tm_year: 70,
        tm_wday: 4,
        tm_yday: 0,
        tm_isdst: 0,
    }),
    zone: Cell::new(GMTIME_ZONE),
};

/// The `tm_zone` glibc would have in '*tm': the shared result remembers which function
/// filled it last; any other `struct tm` was filled by its owner (or by `mktime`, whose
/// zone is the `TZ=UTC` default anyway).
fn zone_of(tm: *const Tm) -> Option<&'static [u8]> {
    ptr::eq(tm, SHARED.tm.get()).then(|| SHARED.zone.get())
}

/// Stores 't' broken down in the shared result, marked with 'zone'.
///
/// # Safety
/// Not called concurrently with any other C entry point of this module.
unsafe fn convert_shared(t: *const i64, zone: &'static [u8]) -> *mut Tm {
    // SAFETY: C's contract for gmtime/localtime: 't' points to a readable time_t.
    let Some(tm) = civil_from_unix(unsafe { *t }) else {
        return ptr::null_mut();
    };
    // SAFETY: no reference to the shared result outlives a call of this module, and by
    // our contract no other call runs now.
    unsafe { *SHARED.tm.get() = tm };
    SHARED.zone.set(zone);
    SHARED.tm.get()
}

/// # Safety
/// 't' points to a readable `time_t`; not thread-safe (the result is one static buffer,
/// shared with `localtime`, as in C).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn gmtime(t: *const i64) -> *mut Tm {
    // SAFETY: our caller's contract is convert_shared's.
    unsafe { convert_shared(t, GMTIME_ZONE) }
}

/// lua.wasm's local time is UTC: `gmtime`, but with glibc's local zone name for `%Z`.
///
/// # Safety
/// As `gmtime`.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn localtime(t: *const i64) -> *mut Tm {
    // SAFETY: our caller's contract is convert_shared's.
    unsafe { convert_shared(t, LOCALTIME_ZONE) }
}

/// # Safety
/// 'tm' points to a valid, writable `struct tm`; not called concurrently with
/// `gmtime`/`localtime` when 'tm' is their result.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn mktime(tm: *mut Tm) -> i64 {
    // SAFETY: guaranteed by the caller.
    let t = unix_from_civil(unsafe { &mut *tm });
    if t.is_some() && ptr::eq(tm, SHARED.tm.get()) {
        SHARED.zone.set(LOCALTIME_ZONE);
    }
    t.unwrap_or(-1)
}

/// # Safety
/// 's' has 'n' writable bytes (it may be null when 'n' is 0), 'fmt' is a NUL-terminated
/// string and 'tm' points to a valid `struct tm`, none of them overlapping (`restrict`).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn strftime(
    s: *mut c_char,
    n: usize,
    fmt: *const c_char,
    tm: *const Tm,
) -> usize {
    if n == 0 {
        return 0; // nothing fits, not even the NUL
    }
    // SAFETY: guaranteed by the caller; 's' is not null since 'n' > 0.
    let (out, fmt, tm_ref) = unsafe {
        (
            core::slice::from_raw_parts_mut(s.cast::<u8>(), n),
            CStr::from_ptr(fmt).to_bytes(),
            &*tm,
        )
    };
    format_time(out, fmt, tm_ref, zone_of(tm))
}

#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn difftime(a: i64, b: i64) -> f64 {
    seconds_between(a, b)
}
