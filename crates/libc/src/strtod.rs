//! `strtod`, as glibc's in the "C" locale: what Lua's `tonumber` and its lexer call to read
//! a float (`lua_str2number`, and `lua_strx2number` for hexadecimal).
//!
//! [`parse_prefix`] finds the longest prefix that forms a number, which fixes how many bytes
//! are consumed, then converts it:
//! - decimal, correctly rounded (half-to-even on the exact value) for any number of digits
//!   and any exponent, exactly what glibc computes: one floating-point operation when the
//!   digits and the power of ten are exact doubles, else exact big-integer arithmetic
//!   (`lua_wasm_decimal::decimal_to_f64`);
//! - hexadecimal, here: the digits are exact in binary, so the first 61 to 64 significant
//!   bits are kept with a "sticky" flag for any nonzero digit past them, which is all that
//!   rounding half-to-even needs, however long the mantissa (`binary_to_f64` rounds);
//! - "inf", "infinity" and "nan", case-insensitive; "nan(chars)" sets the NaN's payload as
//!   glibc does.
//!
//! Two differences from glibc. `errno` is not set on overflow or underflow: Lua never reads
//! it. And hexadecimal is always correctly rounded, as in glibc 2.41 and later; older glibc
//! (bug 30220) may be one unit low for a subnormal result of more than 53 significant bits,
//! such as "0x30000002222225p-1077".

use core::ffi::{c_char, CStr};

use lua_wasm_decimal::{binary_to_f64, decimal_to_f64};

/// The bits glibc's `NAN` has: quiet, no payload.
const NAN_BITS: u64 = 0x7ff8_0000_0000_0000;

/// Reads a number at the start of 'bytes' as C's `strtod` does: leading white space, an
/// optional sign, then a decimal or hexadecimal number, an infinity or a NaN. Returns the
/// value and the number of bytes consumed, or `(0.0, 0)` when no number is there.
pub fn parse_prefix(bytes: &[u8]) -> (f64, usize) {
    let start = bytes
        .iter()
        .position(|&c| !is_space(c))
        .unwrap_or(bytes.len());
    let mut i = start;
    let negative = bytes.get(i) == Some(&b'-');
    if matches!(bytes.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let rest = &bytes[i..];
    let parsed = if rest.len() >= 2 && rest[0] == b'0' && rest[1] | 0x20 == b'x' {
        // "0x" with no hex digit after it is the number 0 followed by "x".
        Some(parse_hex(&rest[2..]).map_or((0.0, 1), |(v, n)| (v, n + 2)))
    } else if starts_with_nocase(rest, b"inf") {
        let n = if starts_with_nocase(&rest[3..], b"inity") {
            8
        } else {
            3
        };
        Some((f64::INFINITY, n))
    } else if starts_with_nocase(rest, b"nan") {
        Some(parse_nan(&rest[3..]))
    } else {
        parse_decimal(rest)
    };
    match parsed {
        Some((v, n)) => (if negative { -v } else { v }, i + n),
        None => (0.0, 0),
    }
}

/// `strtod` of C, exported under that name in wasm; see [`parse_prefix`].
///
/// # Safety
/// `s` must point to a NUL-terminated string; `end` must be NULL or valid for a write.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn strtod(s: *const c_char, end: *mut *mut c_char) -> f64 {
    // SAFETY: the caller passes a NUL-terminated string.
    let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
    let (v, n) = parse_prefix(bytes);
    if !end.is_null() {
        // SAFETY: 'end' is valid for a write, and 'n' <= 'bytes.len()' stays in the string.
        unsafe { *end = s.add(n).cast_mut() };
    }
    v
}

/// C's `isspace` in the "C" locale (which `u8::is_ascii_whitespace` is not: it lacks '\v').
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn starts_with_nocase(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len() && s[..word.len()].eq_ignore_ascii_case(word)
}

/// The length of the run of digits at the start of 's'.
fn digits_len(s: &[u8], is_digit: fn(&u8) -> bool) -> usize {
    s.iter().position(|c| !is_digit(c)).unwrap_or(s.len())
}

/// The length of an exponent ("e-12", "p+3") at the start of 's', or 0 when there is none:
/// the letter is only part of the number when digits follow it.
fn exponent_len(s: &[u8], letter: u8) -> usize {
    if s.first().map(|c| c | 0x20) != Some(letter) {
        return 0;
    }
    let sign = usize::from(matches!(s.get(1), Some(b'+' | b'-')));
    match digits_len(&s[1 + sign..], u8::is_ascii_digit) {
        0 => 0,
        n => 1 + sign + n,
    }
}

/// An unsigned decimal number "ddd.ddde+dd" (at least one digit in the mantissa).
fn parse_decimal(s: &[u8]) -> Option<(f64, usize)> {
    let int = digits_len(s, u8::is_ascii_digit);
    let mut n = int;
    let mut frac = 0;
    if s.get(n) == Some(&b'.') {
        frac = digits_len(&s[n + 1..], u8::is_ascii_digit);
        n += 1 + frac;
    }
    if int + frac == 0 {
        return None;
    }
    let mantissa = &s[..n];
    let elen = exponent_len(&s[n..], b'e');
    let exp = if elen > 0 {
        parse_exponent(&s[n + 1..n + elen])
    } else {
        0
    };
    Some((decimal_to_f64(mantissa, int as i64 + exp), n + elen))
}

/// What follows "0x": hex digits with an optional point (at least one digit) and an
/// optional binary exponent "p-3". Returns the value and its length, or `None` if there
/// is no hex digit.
fn parse_hex(s: &[u8]) -> Option<(f64, usize)> {
    // The value is 'mant' × 2^'exp', plus something less than one unit of 'mant' when
    // 'sticky'. Digits enter 'mant' until it holds more than 60 bits; after that a digit
    // only sets 'sticky' (and, before the point, moves 'exp'). Rounding to 53 bits needs the
    // 54th bit and whether anything nonzero follows it, and both are exact this way.
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut sticky = false;
    let mut ndigits = 0;
    let mut n = 0;
    let mut seen_point = false;
    while let Some(&c) = s.get(n) {
        let d = match c {
            b'.' if !seen_point => {
                seen_point = true;
                n += 1;
                continue;
            }
            _ => match (c as char).to_digit(16) {
                Some(d) => u64::from(d),
                None => break,
            },
        };
        if mant >> 60 == 0 {
            mant = mant << 4 | d;
            exp -= 4 * i64::from(seen_point);
        } else {
            sticky |= d != 0;
            exp += 4 * i64::from(!seen_point);
        }
        ndigits += 1;
        n += 1;
    }
    if ndigits == 0 {
        return None;
    }
    let elen = exponent_len(&s[n..], b'p');
    if elen > 0 {
        exp = exp.saturating_add(parse_exponent(&s[n + 1..n + elen]));
    }
    Some((binary_to_f64(mant, exp, sticky), n + elen))
}

/// A signed decimal exponent, saturated far outside the range where it matters.
fn parse_exponent(s: &[u8]) -> i64 {
    let (negative, digits) = match s[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let e = digits
        .iter()
        .fold(0i64, |e, &c| (e * 10 + i64::from(c - b'0')).min(1 << 40));
    if negative {
        -e
    } else {
        e
    }
}

/// What follows "nan": "(chars)" with letters, digits and '_' is consumed too, and if
/// 'chars' is a whole C integer constant (decimal, 0-octal or 0x-hex, as `strtoull` with
/// base 0), its low 51 bits become the NaN's payload, as in glibc; a nonzero payload only.
fn parse_nan(s: &[u8]) -> (f64, usize) {
    let nan = f64::from_bits(NAN_BITS);
    if s.first() != Some(&b'(') {
        return (nan, 3);
    }
    let chars = &s[1..];
    let len = digits_len(chars, |c| c.is_ascii_alphanumeric() || *c == b'_');
    if chars.get(len) != Some(&b')') {
        return (nan, 3);
    }
    let payload = match strtoull_whole(&chars[..len]) {
        Some(p) if p & ((1 << 51) - 1) != 0 => p & ((1 << 51) - 1),
        _ => 0,
    };
    (f64::from_bits(NAN_BITS | payload), 3 + 1 + len + 1)
}

/// `strtoull(s, &end, 0)` when it consumes all of 's' (saturating at `u64::MAX`, as
/// strtoull does on overflow), else `None`. 's' holds only letters, digits and '_'.
fn strtoull_whole(s: &[u8]) -> Option<u64> {
    let (radix, digits) = match s {
        [b'0', x, rest @ ..]
            if *x | 0x20 == b'x' && rest.first().is_some_and(u8::is_ascii_hexdigit) =>
        {
            (16, rest)
        }
        [b'0', ..] => (8, s),
        _ => (10, s),
    };
    // An empty 's' is consumed whole by strtoull's "no conversion" (end = s): payload 0.
    let mut v: u64 = 0;
    for &c in digits {
        let d = (c as char).to_digit(radix)?;
        v = v
            .checked_mul(u64::from(radix))
            .and_then(|v| v.checked_add(u64::from(d)))
            .unwrap_or(u64::MAX);
    }
    Some(v)
}
