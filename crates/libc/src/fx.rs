//! Fixed-point numbers of 320 bits, 64 for the integer part and 256 for the fraction: the
//! slow path of trig.rs. A double-double evaluation (about 2^-100) decides the rounding of
//! all but about one argument in 2^37; for those, the result is recomputed here to about
//! 2^-250, beyond the hardest cases known for these functions (about 2^-120, relative),
//! so its rounding is the correct one. Speed does not matter here; size and plainness do.
//!
//! A value is `int / 2^256`, `int` a two's complement integer of five 64-bit words, least
//! significant first. Values used stay below 2^62 in magnitude, and results are never
//! below 2^-60, so 256 fraction bits keep at least 190 significant ones.

#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Fx(pub [u64; 5]);

// Named methods rather than operator traits: each step rounds or truncates, and the
// call chains read in the order the algorithms are written.
#[allow(clippy::should_implement_trait)]
impl Fx {
    pub const ZERO: Fx = Fx([0; 5]);
    pub const ONE: Fx = Fx([0, 0, 0, 0, 1]);

    fn is_negative(self) -> bool {
        (self.0[4] as i64) < 0
    }

    pub fn add(self, o: Fx) -> Fx {
        let mut r = [0u64; 5];
        let mut carry = 0u128;
        for (i, w) in r.iter_mut().enumerate() {
            let s = u128::from(self.0[i]) + u128::from(o.0[i]) + carry;
            *w = s as u64;
            carry = s >> 64;
        }
        Fx(r)
    }

    pub fn neg(self) -> Fx {
        Fx(self.0.map(|w| !w)).add(Fx([1, 0, 0, 0, 0]))
    }

    pub fn sub(self, o: Fx) -> Fx {
        self.add(o.neg())
    }

    /// The magnitude's words and whether the value is negative.
    fn magnitude(self) -> ([u64; 5], bool) {
        if self.is_negative() {
            (self.neg().0, true)
        } else {
            (self.0, false)
        }
    }

    fn with_sign(words: [u64; 5], negative: bool) -> Fx {
        if negative {
            Fx(words).neg()
        } else {
            Fx(words)
        }
    }

    /// The product, truncated toward zero at 2^-256.
    pub fn mul(self, o: Fx) -> Fx {
        let (a, na) = self.magnitude();
        let (b, nb) = o.magnitude();
        let mut p = [0u64; 10];
        for i in 0..5 {
            let mut carry = 0u128;
            for j in 0..5 {
                let t = u128::from(a[i]) * u128::from(b[j]) + u128::from(p[i + j]) + carry;
                p[i + j] = t as u64;
                carry = t >> 64;
            }
            p[i + 5] = carry as u64;
        }
        Fx::with_sign([p[4], p[5], p[6], p[7], p[8]], na != nb)
    }

    /// The quotient by a small positive integer, truncated toward zero.
    pub fn div_small(self, d: u64) -> Fx {
        let (mut w, negative) = self.magnitude();
        let mut rem = 0u128;
        for word in w.iter_mut().rev() {
            let cur = (rem << 64) | u128::from(*word);
            *word = (cur / u128::from(d)) as u64;
            rem = cur % u128::from(d);
        }
        Fx::with_sign(w, negative)
    }

    /// `x` exactly, for |x| < 2^62 (bits below 2^-256 are dropped).
    pub fn from_f64(x: f64) -> Fx {
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let mut m = bits & 0x000f_ffff_ffff_ffff;
        if biased != 0 {
            m |= 1 << 52;
        }
        // x = m 2^(biased - 1075), so int = m 2^pos.
        let pos = biased.max(1) - 1075 + 256;
        let mut w = [0u64; 5];
        if pos < 0 {
            w[0] = m.checked_shr(pos.unsigned_abs()).unwrap_or(0);
        } else {
            let (i, b) = ((pos / 64) as usize, pos % 64);
            w[i] = m << b;
            if b > 0 && i < 4 {
                w[i + 1] = m >> (64 - b);
            }
        }
        Fx::with_sign(w, x < 0.0)
    }

    /// The exact sum of a double-double's parts.
    pub fn from_dd(x: super::dd::Dd) -> Fx {
        Fx::from_f64(x.hi).add(Fx::from_f64(x.lo))
    }

    /// The value correctly rounded to a double (nearest, ties to even), for values whose
    /// result is a normal double.
    pub fn to_f64(self) -> f64 {
        let (w, negative) = self.magnitude();
        let Some(top) = (0..5).rev().find(|&i| w[i] != 0) else {
            return 0.0;
        };
        let lz = w[top].leading_zeros();
        let below = if top > 0 { w[top - 1] } else { 0 };
        // The 64 bits from the leading one, and whether any bit below them is set.
        let pair = ((u128::from(w[top]) << 64) | u128::from(below)) << lz;
        let head = (pair >> 64) as u64;
        let sticky = pair as u64 != 0 || w[..top.saturating_sub(1)].iter().any(|&v| v != 0);
        let mut m = head >> 11;
        let half = head & 0x400 != 0;
        if half && (sticky || head & 0x3ff != 0 || m & 1 == 1) {
            m += 1;
        }
        // The leading one is bit 64 top + 63 - lz of int, and m's last bit 52 bits below.
        let e = 64 * top as i32 + 63 - lz as i32 - 52 - 256;
        let r = libm::ldexp(m as f64, e);
        if negative {
            -r
        } else {
            r
        }
    }

    /// The value as a double-double (its double, then the double of what remains).
    pub fn to_dd(self) -> super::dd::Dd {
        let hi = self.to_f64();
        super::dd::Dd {
            hi,
            lo: self.sub(Fx::from_f64(hi)).to_f64(),
        }
    }

    /// (sin a, cos a) by their Taylor series, for |a| <= 4.
    pub fn sin_cos(self) -> (Fx, Fx) {
        let (mut s, mut c) = (Fx::ZERO, Fx::ONE);
        let mut term = Fx::ONE;
        // term = a^k / k!, added to sin or cos with the sign of i^k.
        for k in 1..200u64 {
            term = term.mul(self).div_small(k);
            if term == Fx::ZERO {
                break;
            }
            match k % 4 {
                0 => c = c.add(term),
                1 => s = s.add(term),
                2 => c = c.sub(term),
                _ => s = s.sub(term),
            }
        }
        (s, c)
    }

    /// The square root of a value in (0, 1], by Newton's iteration for 1/sqrt from the
    /// double's, which doubles the correct bits at each step (53, 106, 212, 256).
    pub fn sqrt(self) -> Fx {
        let mut y = Fx::from_f64(1.0 / libm::sqrt(self.to_f64()));
        for _ in 0..3 {
            // y += y (1 - a y^2) / 2
            let e = Fx::ONE.sub(self.mul(y).mul(y));
            y = y.add(y.mul(e).div_small(2));
        }
        self.mul(y)
    }
}
