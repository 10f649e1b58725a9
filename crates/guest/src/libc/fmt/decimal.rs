//! `%e`, `%f` and `%g`: glibc's layout around the exact digits of `core::fmt`.
//!
//! `core::fmt` with a precision (`{:.*e}`, `{:.*}`) prints the exact binary value rounded
//! half-to-even at the requested digit, which is what glibc does; only the layout differs
//! ("1.5e3" against "1.500000e+03"). So the digits are printed into a stack buffer by
//! `core::fmt`, read back, and laid out as glibc's.
//!
//! The exact decimal expansion of a double is finite: at most 767 significant digits, and
//! at most 1074 digits after the point (for 2^-1074). Digits asked beyond those are all
//! zeros, so the precision given to `core::fmt` is capped there ('EXP_PREC_MAX',
//! 'FIXED_PREC_MAX') and the rest is written as a run of zeros ([`Part::Zeros`]). This
//! bounds the buffer, and `%.99999f` costs no more than `%.1074f`.

use core::fmt::Write;

use super::{emit, FmtSpec, Out, Part};

/// Digits after the first beyond which `%e` of any double only adds zeros (766 suffice).
const EXP_PREC_MAX: usize = 770;

/// Digits after the point beyond which `%f` of any double only adds zeros.
const FIXED_PREC_MAX: usize = 1074;

/// Room for the longest `core::fmt` output asked for: `{:.1074}` of a value of 309
/// integer digits (1e308) is 309 + 1 + 1074 bytes; `{:.770e}` needs fewer.
const BUF_LEN: usize = 309 + 1 + FIXED_PREC_MAX + 8;

/// A stack buffer that `core::fmt` writes into.
struct Buf {
    bytes: [u8; BUF_LEN],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            bytes: [0; BUF_LEN],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl Write for Buf {
    /// Never fails for the outputs of this module, by the bound on 'BUF_LEN'.
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let room = self
            .bytes
            .get_mut(self.len..self.len + s.len())
            .ok_or(core::fmt::Error)?;
        room.copy_from_slice(s.as_bytes());
        self.len += s.len();
        Ok(())
    }
}

/// A non-negative finite value rounded to 'digits.len()' significant digits:
/// d.ddd × 10^'exp', followed by 'zeros' more zero digits.
struct Sci<'a> {
    digits: &'a [u8],
    exp: i32,
    zeros: usize,
}

/// Rounds 'v' (finite, non-negative) to 'prec' digits after the first.
fn sci(buf: &mut Buf, v: f64, prec: usize) -> Sci<'_> {
    let asked = prec.min(EXP_PREC_MAX);
    let _ = write!(buf, "{:.*e}", asked, v); // "d.ddde-7", or "de5" when 'asked' is 0
    let text = buf.as_bytes();
    let e = text.iter().position(|&c| c == b'e').unwrap_or(text.len());
    let exp = text[e + 1..]
        .iter()
        .fold((0i32, 1i32), |(n, s), &c| match c {
            b'-' => (n, -1),
            _ => (n * 10 + i32::from(c - b'0'), s),
        });
    // Drop the point by moving the first digit right over it.
    let mut digits = &mut buf.bytes[..e];
    if asked > 0 {
        digits[1] = digits[0];
        digits = &mut digits[1..];
    }
    Sci {
        digits,
        exp: exp.0 * exp.1,
        zeros: prec - asked,
    }
}

/// "e+05", "E-324": the exponent with a sign and at least two digits.
fn exponent(exp: i32, upper: bool, buf: &mut [u8; 6]) -> &[u8] {
    buf[0] = if upper { b'E' } else { b'e' };
    buf[1] = if exp < 0 { b'-' } else { b'+' };
    let e = exp.unsigned_abs();
    let mut n = 2;
    if e >= 100 {
        buf[n] = b'0' + (e / 100) as u8;
        n += 1;
    }
    buf[n] = b'0' + (e / 10 % 10) as u8;
    buf[n + 1] = b'0' + (e % 10) as u8;
    &buf[..n + 2]
}

/// The precision of `%e` and `%f`, 6 when absent.
fn precision(spec: &FmtSpec) -> usize {
    spec.precision().unwrap_or(6)
}

/// The decimal point, written when there are digits after it or with '#'.
fn point(spec: &FmtSpec, digits_follow: bool) -> &'static [u8] {
    if digits_follow || spec.has(FmtSpec::HASH) {
        b"."
    } else {
        b""
    }
}

/// `%e`: "d.dddddde+XX".
pub(super) fn format_exp(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: f64, upper: bool) {
    let mut buf = Buf::new();
    let s = sci(&mut buf, v, precision(spec));
    let mut ebuf = [0; 6];
    let body = [
        Part::Bytes(&s.digits[..1]),
        Part::Bytes(point(spec, s.digits.len() + s.zeros > 1)),
        Part::Bytes(&s.digits[1..]),
        Part::Zeros(s.zeros),
        Part::Bytes(exponent(s.exp, upper, &mut ebuf)),
    ];
    emit(out, spec, sign, &body, true);
}

/// `%f`: "ddd.dddddd", all the integer digits however large the value.
pub(super) fn format_fixed(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: f64) {
    let prec = precision(spec);
    let asked = prec.min(FIXED_PREC_MAX);
    let mut buf = Buf::new();
    let _ = write!(buf, "{:.*}", asked, v); // "ddd.ddd", or "ddd" when 'asked' is 0
    let text = buf.as_bytes();
    let (int, frac) = match text.iter().position(|&c| c == b'.') {
        Some(p) => (&text[..p], &text[p + 1..]),
        None => (text, &[][..]),
    };
    let body = [
        Part::Bytes(int),
        Part::Bytes(point(spec, prec > 0)),
        Part::Bytes(frac),
        Part::Zeros(prec - asked),
    ];
    emit(out, spec, sign, &body, true);
}

/// `%g`: with P significant digits (the precision; 6 when absent, 1 when 0) and X the
/// exponent `%e` would print, `%f` style when P > X >= -4 and `%e` style otherwise, then,
/// without '#', trailing zeros of the fraction removed, and the point with them if none is
/// left. Both styles show the same P rounded digits, so they are computed once, as `%e`.
pub(super) fn format_general(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: f64, upper: bool) {
    let p = spec.precision().unwrap_or(6).max(1);
    let mut buf = Buf::new();
    let s = sci(&mut buf, v, p - 1);
    let x = i64::from(s.exp);
    let alt = spec.has(FmtSpec::HASH);
    // Without '#', the capped-off zeros go away with the other trailing zeros.
    let zeros = if alt { s.zeros } else { 0 };
    if (p as i64) > x && x >= -4 {
        if x >= 0 {
            // X + 1 digits before the point: X < P, and X <= 308 < 'EXP_PREC_MAX', so they
            // are all in 'digits'.
            let (int, frac) = s.digits.split_at(x as usize + 1);
            let frac = if alt { frac } else { trim_zeros(frac) };
            let body = [
                Part::Bytes(int),
                Part::Bytes(point(spec, !frac.is_empty() || zeros > 0)),
                Part::Bytes(frac),
                Part::Zeros(zeros),
            ];
            emit(out, spec, sign, &body, true);
        } else {
            // 0.000ddd: the value is not zero (zero has X = 0), so 'digits' keep a digit.
            let digits = if alt { s.digits } else { trim_zeros(s.digits) };
            let body = [
                Part::Bytes(b"0."),
                Part::Zeros((-x - 1) as usize),
                Part::Bytes(digits),
                Part::Zeros(zeros),
            ];
            emit(out, spec, sign, &body, true);
        }
    } else {
        let mut frac = if alt {
            &s.digits[1..]
        } else {
            trim_zeros(&s.digits[1..])
        };
        let mut zeros = zeros;
        if alt && x == p as i64 && trim_zeros(s.digits) == b"1" && unrounded_exp(v) < x {
            // glibc quirk: it picks the style from the unrounded exponent, P - 1 here,
            // which means "%f" style with no digit after the point; when rounding then
            // carries up to 10^P it switches to "%e" style but keeps that count of digits
            // after the point: "%#.2g" of 99.6 is "1.e+02", not "1.0e+02".
            (frac, zeros) = (&[], 0);
        }
        let mut ebuf = [0; 6];
        let body = [
            Part::Bytes(&s.digits[..1]),
            Part::Bytes(point(spec, !frac.is_empty() || zeros > 0)),
            Part::Bytes(frac),
            Part::Zeros(zeros),
            Part::Bytes(exponent(s.exp, upper, &mut ebuf)),
        ];
        emit(out, spec, sign, &body, true);
    }
}

/// 'digits' without its trailing '0's.
fn trim_zeros(digits: &[u8]) -> &[u8] {
    let n = digits.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1);
    &digits[..n]
}

/// The decimal exponent of 'v' (finite, positive) before any rounding. Rare path: it formats
/// the exact expansion, whose first digit cannot carry.
#[cold]
fn unrounded_exp(v: f64) -> i64 {
    let mut buf = Buf::new();
    i64::from(sci(&mut buf, v, EXP_PREC_MAX).exp)
}
