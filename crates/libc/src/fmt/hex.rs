//! `%a`: hexadecimal floating point, built from the bits exactly as glibc prints a double.
//!
//! glibc does not normalize: the digit before the point is the implicit bit of the IEEE
//! encoding, so a normal number prints as "0x1.8p+1", a subnormal as "0x0.0000000000001p-1022"
//! (exponent fixed at -1022), and zero as "0x0p+0". The 52 stored bits are 13 hex digits;
//! without a precision the trailing zero digits are dropped. With a precision below 13,
//! the digits are rounded half-to-even (on the parity of the last digit kept), and a carry
//! out of all-'f' digits goes into the leading digit, which becomes '2' ("%.0a" of 1.5 is
//! "0x2p+0") or, for a subnormal, '1'; the exponent does not change.

use super::{emit, FmtSpec, Out, Part, Prefix};

/// Bits stored in a double after the implicit one.
const MANT_BITS: u32 = 52;
/// Hex digits of those bits.
const MANT_DIGITS: usize = 13;

/// Formats 'v' (finite, non-negative) after 'sign'.
pub(super) fn format(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: f64, upper: bool) {
    let bits = v.to_bits();
    let field = (bits >> MANT_BITS) as i32; // the sign bit is clear: 'v' is non-negative
    let mut mant = bits & ((1 << MANT_BITS) - 1);
    let (mut lead, exp) = match (field, mant) {
        (0, 0) => (0u8, 0),
        (0, _) => (0, -1022),
        _ => (1, field - 1023),
    };

    // 'ndigits' digits of 'mant' are printed (its top ones), then 'zeros' zeros.
    let (ndigits, zeros) = match spec.precision() {
        None => (
            MANT_DIGITS - (mant.trailing_zeros().min(MANT_BITS) / 4) as usize,
            0,
        ),
        Some(p) if p >= MANT_DIGITS => (MANT_DIGITS, p - MANT_DIGITS),
        Some(p) => {
            let dropped = MANT_BITS - 4 * p as u32;
            let rest = mant & ((1 << dropped) - 1);
            let half = 1 << (dropped - 1);
            mant >>= dropped;
            // Ties go to an even last digit, which is the leading one when p is 0.
            let last = if p == 0 { u64::from(lead) } else { mant };
            if rest > half || (rest == half && last & 1 != 0) {
                mant += 1;
                if mant >> (4 * p) != 0 {
                    mant = 0; // carry out of all-'f' digits
                    lead += 1;
                }
            }
            mant <<= dropped;
            (p, 0)
        }
    };

    let set: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut digits = [0u8; MANT_DIGITS];
    for (i, d) in digits.iter_mut().enumerate() {
        *d = set[(mant >> (MANT_BITS - 4 * (i as u32 + 1)) & 0xf) as usize];
    }
    let point: &[u8] = if ndigits + zeros > 0 || spec.has(FmtSpec::HASH) {
        b"."
    } else {
        b""
    };

    let mut ebuf = [0u8; 7]; // "p-1022"
    let e = exponent(exp, upper, &mut ebuf);
    let mut prefix = Prefix::new(sign);
    prefix.add(if upper { b"0X" } else { b"0x" });
    let body = [
        Part::Bytes(&[b'0' + lead]),
        Part::Bytes(point),
        Part::Bytes(&digits[..ndigits]),
        Part::Zeros(zeros),
        Part::Bytes(e),
    ];
    emit(out, spec, prefix.as_bytes(), &body, true);
}

/// "p+0", "P-1022": the binary exponent with a sign and no leading zeros.
fn exponent(exp: i32, upper: bool, buf: &mut [u8; 7]) -> &[u8] {
    buf[0] = if upper { b'P' } else { b'p' };
    buf[1] = if exp < 0 { b'-' } else { b'+' };
    let mut e = exp.unsigned_abs();
    let mut tmp = [0u8; 4];
    let mut n = 0;
    loop {
        tmp[n] = b'0' + (e % 10) as u8;
        n += 1;
        e /= 10;
        if e == 0 {
            break;
        }
    }
    for i in 0..n {
        buf[2 + i] = tmp[n - 1 - i];
    }
    &buf[..2 + n]
}
