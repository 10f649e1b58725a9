//! The exact decimal expansion of a double, and its rounding at any decimal position: the
//! digits that printf's `%e`, `%f` and `%g` lay out (the guest's `libc/fmt/decimal.rs`),
//! and those that the shortest round-trip spelling chooses from (`exponential.rs`).
//!
//! A finite double is m × 2^e with m an integer below 2^53. For e >= 0 that is an integer of
//! at most 309 digits; for e < 0 it is m × 5^-e / 10^-e, whose digits are those of the
//! integer m × 5^-e, at most 767 of them (2^53 × 5^1074). Either integer is built in base
//! 10^9 ([`Big`]), whose limbs print as nine digits each, and its digits are written out
//! whole. glibc prints the exact binary value rounded half-to-even at the requested digit,
//! so rounding is done on these exact digits ([`Expansion::round_at`]); digits asked beyond
//! the expansion are zeros, which the callers write as runs without storing them.
//!
//! Integers below 2^64 (3.0, 1e15: most floats Lua prints) skip the big number.

use crate::bignum::{Big, BASE_1E9};

/// The most digits of an expansion: 767, rounded up.
const MAX_DIGITS: usize = 768;

/// Where a conversion rounds.
#[derive(Clone, Copy)]
pub enum Round {
    /// To this many significant digits (at least 1): `%e` and `%g`.
    Significant(usize),
    /// To this many digits after the point: `%f`.
    Fraction(usize),
}

/// Where the part of a number after a cut lies, in units of the last digit kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rest {
    Zero,
    BelowHalf,
    Half,
    AboveHalf,
}

/// A non-negative decimal number: 'len' ASCII digits, the first worth 10^'exp'.
pub struct Expansion {
    digits: [u8; MAX_DIGITS],
    len: usize,
    /// The power of ten of the first digit: 2 for "123", -2 for "0.05" (digits "5").
    /// Zero is the digits "0" with exp 0.
    pub exp: i64,
    /// 'exp' before rounding, which differs when rounding carried ("99.7" to "100").
    pub unrounded_exp: i64,
    /// Whether a nonzero digit follows the digits written, which only matters for rounding.
    sticky: bool,
}

impl Expansion {
    /// 'v' (finite, non-negative) rounded half-to-even on its exact value, as 'round' asks.
    pub fn new(v: f64, round: Round) -> Expansion {
        let mut x = Expansion::exact(v, round);
        x.unrounded_exp = x.exp;
        x.round_at(match round {
            Round::Significant(n) => x.exp - (n as i64 - 1),
            Round::Fraction(p) => -(p as i64),
        });
        x
    }

    /// 'v' (finite, non-negative) not rounded: at least its first 'n' significant digits
    /// (all of them when it has fewer), and enough about the rest for
    /// [`Expansion::rest_after`] any 'n' or fewer digits.
    pub(crate) fn unrounded(v: f64, n: usize) -> Expansion {
        Expansion::exact(v, Round::Significant(n))
    }

    /// The digits of 'v' up to one past those 'round' keeps, and whether any nonzero one
    /// follows them: all that rounding needs. (Writing out all 767 digits of a subnormal
    /// only to keep 14 is the bulk of the cost otherwise.)
    fn exact(v: f64, round: Round) -> Expansion {
        let mut x = Expansion {
            digits: [0; MAX_DIGITS],
            len: 0,
            exp: 0,
            unrounded_exp: 0,
            sticky: false,
        };
        let bits = v.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1 << 52) - 1);
        let (mut m, mut e) = match biased {
            0 => (fraction, -1074),
            _ => (fraction | 1 << 52, biased - 1075),
        };
        if m == 0 {
            x.push_u32(0, 1);
            return x;
        }
        // Factors of two in 'm' only lengthen the expansion of a fraction: 0.5 is 1 × 2^-1,
        // five rather than 4503599627370496 × 5^53 / 10^53.
        let tz = m.trailing_zeros();
        m >>= tz;
        e += tz as i32;
        // Now v = 'big' × 10^'point'.
        let (big, point) = if (0..64).contains(&e) && m.leading_zeros() >= e as u32 {
            x.push_u64(m << e);
            return x;
        } else if e >= 0 {
            let mut big = Big::from_u64::<BASE_1E9>(m);
            big.mul_pow2::<BASE_1E9>(e as u32);
            (big, 0)
        } else {
            let mut big = Big::from_u64::<BASE_1E9>(m);
            big.mul_pow5::<BASE_1E9>(e.unsigned_abs());
            (big, i64::from(e))
        };
        let limbs = big.limbs();
        let (top, rest) = limbs.split_last().unwrap_or((&0, &[]));
        x.push_u32(*top, 1);
        x.exp = (x.len + 9 * rest.len()) as i64 - 1 + point;
        // The digits kept, and one more to round on.
        let wanted = match round {
            Round::Significant(n) => n as i64 + 1,
            Round::Fraction(p) => x.exp + p as i64 + 2,
        };
        let mut lower = rest.iter().rev();
        while (x.len as i64) < wanted {
            match lower.next() {
                Some(&limb) => x.push_u32(limb, 9),
                None => break,
            }
        }
        x.sticky = lower.any(|&limb| limb != 0);
        x
    }

    /// The digits kept, possibly ending in zeros.
    pub fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }

    /// Where the part after the first 'n' significant digits lies, in units of the 'n'th
    /// digit: all that rounding there needs. 'n' is at most the digits the expansion was
    /// made for ([`Expansion::unrounded`]'s 'n', or those `exact` keeps before rounding),
    /// so that the digit after the cut is here when the number has one.
    pub(crate) fn rest_after(&self, n: usize) -> Rest {
        let rest = self.digits.get(n..self.len).unwrap_or(&[]);
        let (first, more) = match rest.split_first() {
            Some((&d, more)) => (d, self.sticky || more.iter().any(|&c| c != b'0')),
            // Past the digits: 'exact' stops early only when no digit is left.
            None => (b'0', self.sticky),
        };
        match (first, more) {
            (b'0', false) => Rest::Zero,
            (b'0'..=b'4', _) => Rest::BelowHalf,
            (b'5', false) => Rest::Half,
            _ => Rest::AboveHalf,
        }
    }

    /// Appends 'v' with at least 'width' digits (leading zeros), for 'v' below 10^9.
    fn push_u32(&mut self, mut v: u32, width: usize) {
        let mut buf = [0u8; 10];
        let mut i = buf.len();
        while v != 0 || buf.len() - i < width {
            i -= 1;
            buf[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        self.digits[self.len..self.len + buf.len() - i].copy_from_slice(&buf[i..]);
        self.len += buf.len() - i;
    }

    /// Sets the number to the nonzero integer 'v'.
    fn push_u64(&mut self, v: u64) {
        // At most 20 digits: up to 11 above 10^9, then nine.
        let (high, low) = (v / BASE_1E9, (v % BASE_1E9) as u32);
        if high == 0 {
            self.push_u32(low, 1);
        } else {
            let (higher, mid) = (high / BASE_1E9, (high % BASE_1E9) as u32);
            if higher == 0 {
                self.push_u32(mid, 1);
            } else {
                self.push_u32(higher as u32, 1);
                self.push_u32(mid, 9);
            }
            self.push_u32(low, 9);
        }
        self.exp = self.len as i64 - 1;
    }

    /// Rounds to a multiple of 10^'pos', half to even on the exact digits. A result of zero
    /// becomes the digits "0" with exp 0; a carry out of the first digit ("99.7" at 10^0)
    /// raises 'exp' ("1" then zeros, worth 10^2 then: "100").
    fn round_at(&mut self, pos: i64) {
        // Digits worth at least 10^'pos' are kept.
        let keep = self.exp.saturating_sub(pos).saturating_add(1);
        if keep >= self.len as i64 {
            // Exact already: 'exact' writes past the last digit kept when there is one.
            return;
        }
        if keep < 0 {
            // The whole number is below 10^(pos - 1), less than half a unit.
            self.len = 0;
        } else {
            let k = keep as usize;
            // A tie goes to even; the digit before is the kept number's last ('0' when
            // none is kept), and an ASCII digit has the parity of its value.
            let up = match self.rest_after(k) {
                Rest::AboveHalf => true,
                Rest::Half => k > 0 && self.digits[k - 1] & 1 == 1,
                Rest::Zero | Rest::BelowHalf => false,
            };
            self.len = k;
            if up {
                match self.digits[..k].iter().rposition(|&c| c != b'9') {
                    Some(i) => {
                        self.digits[i] += 1;
                        self.digits[i + 1..k].fill(b'0');
                    }
                    None => {
                        // All nines, or nothing kept: one unit of the next power.
                        self.digits[0] = b'1';
                        self.digits[1..k.max(1)].fill(b'0');
                        self.len = k.max(1);
                        self.exp += 1;
                    }
                }
            }
        }
        if self.len == 0 {
            self.len = 1;
            self.digits[0] = b'0';
            self.exp = 0;
        }
    }
}
