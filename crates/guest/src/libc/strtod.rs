//! `strtod`, as glibc's in the "C" locale: what Lua's `tonumber` and its lexer call to read
//! a float (`lua_str2number`, and `lua_strx2number` for hexadecimal).
//!
//! [`parse_prefix`] finds the longest prefix that forms a number, which fixes how many bytes
//! are consumed, then converts it:
//! - decimal, correctly rounded (half-to-even on the exact value) for any number of digits
//!   and any exponent, exactly what glibc computes: one floating-point operation when the
//!   digits and the power of ten are exact doubles, else exact big-integer arithmetic
//!   ([`decimal_value`]);
//! - hexadecimal, here: the digits are exact in binary, so the first 61 to 64 significant
//!   bits are kept with a "sticky" flag for any nonzero digit past them, which is all that
//!   rounding half-to-even needs, however long the mantissa;
//! - "inf", "infinity" and "nan", case-insensitive; "nan(chars)" sets the NaN's payload as
//!   glibc does.
//!
//! Two differences from glibc. `errno` is not set on overflow or underflow: Lua never reads
//! it. And hexadecimal is always correctly rounded, as in glibc 2.41 and later; older glibc
//! (bug 30220) may be one unit low for a subnormal result of more than 53 significant bits,
//! such as "0x30000002222225p-1077".

use core::ffi::{c_char, CStr};

use super::bignum::{Big, BASE_2_32};

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
    Some((decimal_value(mantissa, int as i64 + exp), n + elen))
}

/// Significant digits beyond which a decimal mantissa is cut (see [`decimal_value`]).
const MAX_DIGITS: usize = 780;

/// The double nearest to 0.'mantissa' × 10^'point' ('mantissa' is digits with at most
/// one '.', which is skipped), ties to even.
///
/// The mantissa's significant digits make an integer D, and the value is D × 10^E.
/// - When D < 2^53 and |E| <= 22, D and 10^E are exact doubles, and one multiplication or
///   division, correctly rounded in IEEE arithmetic, is the answer (Clinger's fast path:
///   "3.14", "1e10", "0.001").
/// - When D < 2^64 and |E| <= 27, 128-bit integers suffice ([`small_value`]).
/// - Otherwise the value is D × 5^E × 2^E: the ratio D × 5^E (or D / 5^-E) is computed
///   with big integers to 63 or 64 bits plus a sticky bit for any remainder, which
///   [`round_binary`] rounds.
///
/// Any double, and any point halfway between two doubles, has at most 768 significant
/// digits, so a mantissa longer than 'MAX_DIGITS' is cut there with a digit 1 appended
/// when anything nonzero was cut: the cut value then lies strictly between the same two
/// such points as the full one, and rounds the same way.
fn decimal_value(mantissa: &[u8], point: i64) -> f64 {
    let digits = || mantissa.iter().filter(|&&c| c != b'.').map(|&c| c - b'0');
    let leading = digits().take_while(|&d| d == 0).count();
    let nd = digits().count() - leading;
    // Value = 0.(significant digits) × 10^'point'.
    let point = point - leading as i64;
    if nd == 0 || point < -324 {
        return 0.0; // below 10^-325, less than half of the smallest subnormal
    }
    if point > 309 {
        return f64::INFINITY; // at least 10^309
    }
    let kept = nd.min(MAX_DIGITS);
    let sticky = digits().skip(leading + kept).any(|d| d != 0);
    // Value = D × 10^'e', D the 'kept' digits and a final 1 when 'sticky'.
    let e = point - kept as i64 - i64::from(sticky);
    if kept <= 19 && !sticky {
        let d = digits()
            .skip(leading)
            .fold(0u64, |d, c| d * 10 + u64::from(c));
        if d < 1 << 53 && (-22..=22).contains(&e) {
            let p = (0..e.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
            return if e < 0 { d as f64 / p } else { d as f64 * p };
        }
        if (-27..=27).contains(&e) {
            return small_value(d, e);
        }
    }
    let mut num = Big::from_u64::<BASE_2_32>(0);
    let mut group = 0;
    let mut group_len = 0;
    for d in digits().skip(leading).take(kept).chain(sticky.then_some(1)) {
        group = group * 10 + u32::from(d);
        group_len += 1;
        if group_len == 9 {
            num.mul_add::<BASE_2_32>(1_000_000_000, group);
            (group, group_len) = (0, 0);
        }
    }
    num.mul_add::<BASE_2_32>(10u32.pow(group_len), group);
    let mut den = Big::from_u64::<BASE_2_32>(1);
    // 'e' is within about [-1105, 308] here, by the range checks above.
    if e >= 0 {
        num.mul_pow5::<BASE_2_32>(e as u32);
    } else {
        den.mul_pow5::<BASE_2_32>(e.unsigned_abs() as u32);
    }
    // Scale so that num / den is in [2^62, 2^64), and take the 64 quotient bits.
    let shift = 63 + i64::from(den.bit_len()) - i64::from(num.bit_len());
    if shift >= 0 {
        num.shl(shift as u32);
    } else {
        den.shl(shift.unsigned_abs() as u32);
    }
    den.shl(63);
    let mut q = 0u64;
    for bit in (0..64).rev() {
        if num >= den {
            num.sub(&den);
            q |= 1 << bit;
        }
        den.shr1();
    }
    round_binary(q, e - shift, !num.is_zero())
}

/// The double nearest to 'd' × 10^'e' for 'd' nonzero and |'e'| <= 27, so that 5^|e| is
/// below 2^63 and 128-bit arithmetic is exact: 17 to 19 digits ("0.30000000000000004",
/// as `%.17g` writes them) without big numbers. As in [`decimal_value`], the value is
/// d × 5^e × 2^e, taken to 64 bits plus a sticky bit for [`round_binary`].
fn small_value(d: u64, e: i64) -> f64 {
    let p = u128::from(5u64.pow(e.unsigned_abs() as u32));
    let (wide, exp, mut sticky) = if e >= 0 {
        (u128::from(d) * p, e, false)
    } else {
        // d shifted to 128 bits, over 5^-e: a quotient of at least 65 bits.
        let lz = d.leading_zeros();
        let n = u128::from(d << lz) << 64;
        (n / p, e - 64 - i64::from(lz), n % p != 0)
    };
    let shift = 64u32.saturating_sub(wide.leading_zeros());
    sticky |= wide & ((1 << shift) - 1) != 0;
    round_binary((wide >> shift) as u64, exp + i64::from(shift), sticky)
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
    Some((round_binary(mant, exp, sticky), n + elen))
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

/// The double nearest to 'mant' × 2^'exp' (plus a bit less than one unit of 'mant' when
/// 'sticky'), ties to even; overflows to infinity, underflows through the subnormals to 0.
fn round_binary(mant: u64, exp: i64, sticky: bool) -> f64 {
    if mant == 0 {
        return 0.0; // 'sticky' is only set once 'mant' holds 60 bits
    }
    // Normalize: the top bit of 'm' is bit 63, worth 2^'top'.
    let shift = mant.leading_zeros();
    let m = mant << shift;
    let top = exp.saturating_add(63 - i64::from(shift));
    if top > 1023 {
        return f64::INFINITY;
    }
    if top < -1075 {
        return 0.0; // below 2^-1075, half the smallest subnormal
    }
    // Bits of 'm' to drop: 11 for a normal result; up to 64 for a subnormal one, whose
    // last bit is worth 2^-1074.
    let drop = if top >= -1022 {
        11
    } else {
        (-1011 - top) as u32
    };
    let (kept, rest) = if drop == 64 {
        (0, m)
    } else {
        (m >> drop, m & ((1 << drop) - 1))
    };
    let half = 1 << (drop - 1);
    let above_half = rest > half || (rest == half && sticky);
    let kept = kept + u64::from(above_half || (rest == half && kept & 1 != 0));
    let bits = if drop == 11 {
        // 'kept' is in [2^52, 2^53]: 2^53 when rounding carried out of the mantissa.
        let (kept, top) = if kept >> 53 != 0 {
            (kept >> 1, top + 1)
        } else {
            (kept, top)
        };
        if top > 1023 {
            return f64::INFINITY;
        }
        ((top + 1023) as u64) << 52 | (kept & ((1 << 52) - 1))
    } else {
        // A subnormal's bits are its mantissa; a carry to 2^52 gives the smallest normal.
        kept
    };
    f64::from_bits(bits)
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
