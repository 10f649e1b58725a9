//! Decimal digits to a double, correctly rounded: the nearest double to any decimal number,
//! ties to even, for any number of digits and any exponent, exactly what glibc's `strtod`
//! computes ([`decimal_to_f64`]), and the final rounding of a binary fraction to 53 bits
//! that it ends in ([`binary_to_f64`], which `strtod`'s hexadecimal path shares).
//!
//! This is the arithmetic only: which text forms a number is the caller's business (C's
//! syntax in the guest's `strtod`, exponential notation in `exponential.rs`).

use crate::bignum::{Big, BASE_2_32};

/// Significant digits beyond which a decimal mantissa is cut (see [`decimal_to_f64`]).
const MAX_DIGITS: usize = 780;

/// The double nearest to 0.'mantissa' × 10^'point' ('mantissa' is ASCII digits with at
/// most one '.', which is skipped), ties to even.
///
/// The mantissa's significant digits make an integer D, and the value is D × 10^E.
/// - When D < 2^53 and |E| <= 22, D and 10^E are exact doubles, and one multiplication or
///   division, correctly rounded in IEEE arithmetic, is the answer (Clinger's fast path:
///   "3.14", "1e10", "0.001").
/// - When D < 2^64 and |E| <= 27, 128-bit integers suffice ([`small_value`]).
/// - Otherwise the value is D × 5^E × 2^E: the ratio D × 5^E (or D / 5^-E) is computed
///   with big integers to 63 or 64 bits plus a sticky bit for any remainder, which
///   [`binary_to_f64`] rounds.
///
/// Any double, and any point halfway between two doubles, has at most 768 significant
/// digits, so a mantissa longer than 'MAX_DIGITS' is cut there with a digit 1 appended
/// when anything nonzero was cut: the cut value then lies strictly between the same two
/// such points as the full one, and rounds the same way.
pub fn decimal_to_f64(mantissa: &[u8], point: i64) -> f64 {
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
    binary_to_f64(q, e - shift, !num.is_zero())
}

/// The double nearest to 'd' × 10^'e' for 'd' nonzero and |'e'| <= 27, so that 5^|e| is
/// below 2^63 and 128-bit arithmetic is exact: 17 to 19 digits ("0.30000000000000004",
/// as `%.17g` writes them) without big numbers. As in [`decimal_to_f64`], the value is
/// d × 5^e × 2^e, taken to 64 bits plus a sticky bit for [`binary_to_f64`].
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
    binary_to_f64((wide >> shift) as u64, exp + i64::from(shift), sticky)
}

/// The double nearest to 'mant' × 2^'exp' (plus a bit less than one unit of 'mant' when
/// 'sticky'), ties to even; overflows to infinity, underflows through the subnormals to 0.
/// 'sticky' may only be set when 'mant' is nonzero.
pub fn binary_to_f64(mant: u64, exp: i64, sticky: bool) -> f64 {
    if mant == 0 {
        return 0.0;
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
