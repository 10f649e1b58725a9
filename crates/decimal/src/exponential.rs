//! Exponential notation with the fewest digits that read back: the text Rust's `{:e}`
//! writes for an `f64` ("1.5e0", "1e300", "-2.5e-7", "5e-324", "inf"), and reading it.
//!
//! [`shortest`] finds the digits on the exact pieces of this crate rather than with a fast
//! shortest-digits algorithm: a candidate of p significant digits is good when it reads
//! back to the same double ([`decimal_to_f64`], correctly rounded), which is exactly when
//! it lies in the double's rounding interval, its ends included when the mantissa is even.
//! The spelling is the shortest good candidate, and of two good ones of that length (the
//! number cut to p digits and one unit above it) the closer, the upper one on a tie: what
//! Rust's Grisu and Dragon algorithms choose. Two properties make the search short:
//! - seventeen digits always read back: the nearest 17-digit decimal is within 5e-17 times
//!   the value, and the interval reaches at least 2^-54 (5.5e-17) times it on each side;
//! - a good candidate of p digits means a good one of p + 1 digits: those lie between the
//!   value and the p-digit ones, which are in the interval.
//!
//! So the search starts at 17 digits and shortens while a shorter spelling reads back.
//! Speed is not the point (float keys are rare); being the same text, byte for byte, as
//! `{:e}` is (`tests/exponential.rs` compares the two on millions of values).

use crate::expansion::{Expansion, Rest};
use crate::parse::decimal_to_f64;

/// Significant digits that always identify a double.
const ROUND_TRIP_DIGITS: usize = 17;

/// The longest spelling: "-1.2345678901234567e-308".
const MAX_LEN: usize = 24;

/// A double in exponential notation: at most 24 ASCII bytes.
#[derive(Clone, Copy)]
pub struct Exponential {
    bytes: [u8; MAX_LEN],
    len: usize,
}

impl Exponential {
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever written.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    fn push(&mut self, bytes: &[u8]) {
        self.bytes[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }
}

/// 'x' as Rust's `format!("{x:e}")` writes it: the fewest significant digits that read back
/// to 'x' (the closest such, the upper on a tie), as "d.ddde-x" without a '+' or leading
/// zeros in the exponent and without a point for a single digit; "inf", "-inf", "NaN"; zero
/// is "0e0" or "-0e0".
pub fn shortest(x: f64) -> Exponential {
    let mut out = Exponential {
        bytes: [0; MAX_LEN],
        len: 0,
    };
    if x.is_nan() {
        out.push(b"NaN");
        return out;
    }
    if x.is_sign_negative() {
        out.push(b"-");
    }
    let v = x.abs();
    if v.is_infinite() {
        out.push(b"inf");
        return out;
    }
    if v == 0.0 {
        out.push(b"0e0");
        return out;
    }
    let exact = Expansion::unrounded(v, ROUND_TRIP_DIGITS);
    let mut best = Candidates::cut(&exact, ROUND_TRIP_DIGITS).closer();
    for p in (1..ROUND_TRIP_DIGITS).rev() {
        match Candidates::cut(&exact, p).closer_reading_back(v) {
            Some(shorter) => best = shorter,
            None => break,
        }
    }
    best.write(&mut out);
    out
}

/// Up to 17 significant digits, the first worth 10^'exp'.
#[derive(Clone, Copy)]
struct Digits {
    digits: [u8; ROUND_TRIP_DIGITS],
    len: usize,
    exp: i64,
}

impl Digits {
    fn as_slice(&self) -> &[u8] {
        &self.digits[..self.len]
    }

    fn reads_back_as(&self, v: f64) -> bool {
        // 0.d1d2... × 10^(exp + 1) is d1.d2... × 10^exp.
        decimal_to_f64(self.as_slice(), self.exp + 1) == v
    }

    /// The number one unit of the last digit larger.
    fn next_up(&self) -> Digits {
        let mut up = *self;
        match up.as_slice().iter().rposition(|&c| c != b'9') {
            Some(i) => {
                up.digits[i] += 1;
                up.len = i + 1;
            }
            None => {
                // All nines: one unit of the next power of ten.
                up.digits[0] = b'1';
                up.len = 1;
                up.exp += 1;
            }
        }
        up
    }

    /// "d.ddde-x", without trailing zeros.
    fn write(&self, out: &mut Exponential) {
        let d = self.as_slice();
        let len = d.iter().rposition(|&c| c != b'0').map_or(1, |i| i + 1);
        out.push(&d[..1]);
        if len > 1 {
            out.push(b".");
            out.push(&d[1..len]);
        }
        out.push(b"e");
        if self.exp < 0 {
            out.push(b"-");
        }
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut e = self.exp.unsigned_abs();
        loop {
            i -= 1;
            buf[i] = b'0' + (e % 10) as u8;
            e /= 10;
            if e == 0 {
                break;
            }
        }
        out.push(&buf[i..]);
    }
}

/// The two p-digit numbers around a value: the value cut to p digits and, unless that is
/// the value itself, the one a unit above.
struct Candidates {
    below: Digits,
    rest: Rest,
}

impl Candidates {
    fn cut(exact: &Expansion, p: usize) -> Candidates {
        let digits = exact.digits();
        let kept = &digits[..digits.len().min(p)];
        let mut below = Digits {
            digits: [b'0'; ROUND_TRIP_DIGITS],
            len: p,
            exp: exact.exp,
        };
        below.digits[..kept.len()].copy_from_slice(kept);
        Candidates {
            below,
            rest: exact.rest_after(p),
        }
    }

    /// The candidate closer to the value, the upper one on a tie.
    fn closer(&self) -> Digits {
        match self.rest {
            Rest::Zero | Rest::BelowHalf => self.below,
            Rest::Half | Rest::AboveHalf => self.below.next_up(),
        }
    }

    /// The candidate closer to 'v' of those that read back as 'v', if any does.
    fn closer_reading_back(&self, v: f64) -> Option<Digits> {
        let closer = self.closer();
        if self.rest == Rest::Zero || closer.reads_back_as(v) {
            return Some(closer);
        }
        // The other candidate is farther from 'v', so it can only read back where the
        // interval reaches farther on its side: above a power of two, whose interval below
        // is half as wide (the doubles below it are twice as dense).
        let above = self.below.next_up();
        let closer_is_below = matches!(self.rest, Rest::BelowHalf);
        (closer_is_below && has_narrower_interval_below(v) && above.reads_back_as(v))
            .then_some(above)
    }
}

/// True when the double below 'v' (positive, finite) is closer than the one above: for a
/// power of two with a normal double below it.
fn has_narrower_interval_below(v: f64) -> bool {
    let bits = v.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased_exponent = bits >> 52;
    fraction == 0 && biased_exponent > 1
}

/// Reads exponential notation as [`shortest`] writes it, with any number of digits:
/// an optional '-', then "inf", or digits with an optional point followed by digits, 'e',
/// an optional '-' and digits. The value is correctly rounded (ties to even); `None` when
/// 'text' is not of that form.
///
/// More texts read than [`shortest`] writes ("1.50e0", "01e-0" and "15e-1" are 1.5): a
/// caller that wants the one spelling compares 'text' with [`shortest`] of the value.
pub fn parse(text: &str) -> Option<f64> {
    // Bytes rather than `str` patterns, which would bring UTF-8 searching into lua.wasm.
    let (negative, body) = match text.as_bytes() {
        [b'-', body @ ..] => (true, body),
        body => (false, body),
    };
    let v = if body == b"inf" {
        f64::INFINITY
    } else {
        let e = body.iter().position(|&c| c == b'e')?;
        let (mantissa, exponent) = (&body[..e], exponent_value(&body[e + 1..])?);
        let int = digits_len(mantissa);
        let is_number = match &mantissa[int..] {
            [] => int > 0,
            [b'.', fraction @ ..] => int > 0 && is_digits(fraction),
            _ => false,
        };
        if !is_number {
            return None;
        }
        decimal_to_f64(mantissa, int as i64 + exponent)
    };
    Some(if negative { -v } else { v })
}

/// The length of the run of ASCII digits 's' starts with.
fn digits_len(s: &[u8]) -> usize {
    s.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// True when 's' is one or more ASCII digits.
fn is_digits(s: &[u8]) -> bool {
    !s.is_empty() && digits_len(s) == s.len()
}

/// An optional '-' and digits, saturated far beyond any exponent that changes the value.
fn exponent_value(s: &[u8]) -> Option<i64> {
    let (negative, digits) = match s {
        [b'-', digits @ ..] => (true, digits),
        digits => (false, digits),
    };
    if !is_digits(digits) {
        return None;
    }
    let e = digits
        .iter()
        .fold(0i64, |e, &c| (e * 10 + i64::from(c - b'0')).min(1 << 40));
    Some(if negative { -e } else { e })
}
