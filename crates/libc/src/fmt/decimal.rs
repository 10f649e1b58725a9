//! `%e`, `%f` and `%g`: glibc's layout around the exact digits of [`Expansion`]
//! (`lua_wasm_decimal`).
//!
//! glibc prints the exact binary value rounded half-to-even at the requested digit. The
//! exact decimal expansion of a double is finite: at most 767 significant digits, and at
//! most 1074 digits after the point (for 2^-1074). So each conversion takes the whole
//! expansion, rounds it at the last digit asked for, and lays it out; digits asked beyond
//! the expansion are zeros, written as a run ([`Part::Zeros`]), so `%.99999f` costs no
//! more than `%.1074f`.

use lua_wasm_decimal::{Expansion, Round};

use super::{emit, FmtSpec, Out, Part};

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
    let prec = precision(spec);
    let x = Expansion::new(v, Round::Significant(prec.saturating_add(1)));
    let mut ebuf = [0; 6];
    emit(
        out,
        spec,
        sign,
        &exp_parts(spec, &x, prec + 1, false, upper, &mut ebuf),
        true,
    );
}

/// `%f`: "ddd.dddddd", all the integer digits however large the value.
pub(super) fn format_fixed(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: f64) {
    let prec = precision(spec);
    let x = Expansion::new(v, Round::Fraction(prec));
    emit(out, spec, sign, &fixed_parts(spec, &x, prec, false), true);
}

/// `%g`: with P significant digits (the precision; 6 when absent, 1 when 0) and X the
/// exponent `%e` would print, `%f` style when P > X >= -4 and `%e` style otherwise, then,
/// without '#', trailing zeros of the fraction removed, and the point with them if none is
/// left. Both styles show the same P rounded digits, so they are rounded once, as `%e`.
pub(super) fn format_general(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: f64, upper: bool) {
    let p = spec.precision().unwrap_or(6).max(1);
    let x = Expansion::new(v, Round::Significant(p));
    let alt = spec.has(FmtSpec::HASH);
    if (p as i64) > x.exp && x.exp >= -4 {
        // P significant digits, of which X + 1 are before the point.
        let frac = (p as i64 - 1 - x.exp) as usize;
        emit(out, spec, sign, &fixed_parts(spec, &x, frac, !alt), true);
    } else {
        let mut digits = p;
        if alt && x.exp == p as i64 && trim_zeros(x.digits()) == b"1" && x.unrounded_exp < x.exp {
            // glibc quirk: it picks the style from the unrounded exponent, P - 1 here,
            // which means "%f" style with no digit after the point; when rounding then
            // carries up to 10^P it switches to "%e" style but keeps that count of digits
            // after the point: "%#.2g" of 99.6 is "1.e+02", not "1.0e+02".
            digits = 1;
        }
        let mut ebuf = [0; 6];
        emit(
            out,
            spec,
            sign,
            &exp_parts(spec, &x, digits, !alt, upper, &mut ebuf),
            true,
        );
    }
}

/// The body of "d.ddde+XX" with 'digits' significant digits (the digits of 'x', cut or
/// followed by zeros), or fewer when 'trim' removes trailing zeros.
fn exp_parts<'a>(
    spec: &FmtSpec,
    x: &'a Expansion,
    digits: usize,
    trim: bool,
    upper: bool,
    ebuf: &'a mut [u8; 6],
) -> [Part<'a>; 5] {
    let (d, zeros) = if trim {
        (trim_zeros(x.digits()), 0)
    } else {
        let d = x.digits();
        (&d[..d.len().min(digits)], digits.saturating_sub(d.len()))
    };
    // Zero's digits are "0", and the first digit of any other number is nonzero.
    let (first, rest) = d.split_at(1);
    [
        Part::Bytes(first),
        Part::Bytes(point(spec, !rest.is_empty() || zeros > 0)),
        Part::Bytes(rest),
        Part::Zeros(zeros),
        Part::Bytes(exponent(x.exp as i32, upper, ebuf)),
    ]
}

/// The body of "ddd.ddd" with 'frac' digits after the point (the digits of 'x' end at or
/// before the last of them), or fewer when 'trim' removes trailing zeros.
fn fixed_parts<'a>(spec: &FmtSpec, x: &'a Expansion, frac: usize, trim: bool) -> [Part<'a>; 5] {
    let d = if trim {
        trim_zeros(x.digits())
    } else {
        x.digits()
    };
    if x.exp >= 0 {
        // The digits before the point, some of them possibly zeros past the digits.
        let int = (x.exp as usize + 1).min(d.len());
        let (int_digits, frac_digits) = d.split_at(int);
        let frac_zeros = if trim { 0 } else { frac - frac_digits.len() };
        [
            Part::Bytes(int_digits),
            Part::Zeros(x.exp as usize + 1 - int),
            Part::Bytes(point(spec, !frac_digits.is_empty() || frac_zeros > 0)),
            Part::Bytes(frac_digits),
            Part::Zeros(frac_zeros),
        ]
    } else {
        // "0.000ddd": the number is not zero, whose exp is 0.
        let lead = (-x.exp - 1) as usize;
        let frac_zeros = if trim { 0 } else { frac - lead - d.len() };
        [
            Part::Bytes(b"0"),
            Part::Bytes(point(spec, true)),
            Part::Zeros(lead),
            Part::Bytes(d),
            Part::Zeros(frac_zeros),
        ]
    }
}

/// 'digits' without its trailing '0's, but at least one digit.
fn trim_zeros(digits: &[u8]) -> &[u8] {
    let n = digits.iter().rposition(|&c| c != b'0').map_or(1, |i| i + 1);
    &digits[..n.min(digits.len())]
}
