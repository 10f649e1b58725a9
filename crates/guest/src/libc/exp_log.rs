//! `exp`, `log`, `log2`, `log10` and `pow` rounded as glibc rounds them.
//!
//! glibc's `exp`, `log`, `log2` and `pow` return the correctly rounded result in all but
//! a tiny fraction of cases (their error bound is about 0.52 ulp); libm's (fdlibm's) are
//! one ulp off for a few percent of arguments, which Lua shows as soon as a script prints
//! `%.17g`, compares `10 ^ -12` with a literal, or scales by a power of ten. So these are
//! computed here in double-double arithmetic (about 100 correct bits) and rounded once:
//! the result is the correctly rounded one unless the exact value lies within about
//! 2^-45 ulp of a rounding boundary, and then equals glibc's wherever glibc is correct.
//! `log10` follows glibc's own (fdlibm) formula on top of this `log`, since glibc's
//! `log10` is not correctly rounded.
//!
//! Only finite, non-special arguments whose result is a normal number come here; the
//! callers in math.rs leave zeros, infinities, NaNs, negative arguments and results that
//! overflow or underflow to libm, which agrees with glibc on those.

/// A double-double: the unevaluated sum `hi + lo` with `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug)]
struct Dd {
    hi: f64,
    lo: f64,
}

const fn dd(hi: u64, lo: u64) -> Dd {
    Dd {
        hi: f64::from_bits(hi),
        lo: f64::from_bits(lo),
    }
}

/// `a + b` exactly, as a double-double (Knuth).
fn two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    let bb = s - a;
    Dd {
        hi: s,
        lo: (a - (s - bb)) + (b - bb),
    }
}

/// `a + b` exactly, when `|a| >= |b|` (Dekker).
fn quick_two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    Dd {
        hi: s,
        lo: b - (s - a),
    }
}

/// Splits `a` into two halves of 26 bits (Veltkamp); `|a|` must be below 2^996.
fn split(a: f64) -> (f64, f64) {
    let c = 134_217_729.0 * a; // 2^27 + 1
    let hi = c - (c - a);
    (hi, a - hi)
}

/// `a * b` exactly, as a double-double (Dekker; wasm has no fused multiply-add).
fn two_prod(a: f64, b: f64) -> Dd {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    Dd {
        hi: p,
        lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl,
    }
}

impl Dd {
    fn add(self, o: Dd) -> Dd {
        let s = two_sum(self.hi, o.hi);
        let t = two_sum(self.lo, o.lo);
        let s = quick_two_sum(s.hi, s.lo + t.hi);
        quick_two_sum(s.hi, s.lo + t.lo)
    }

    fn add_f64(self, b: f64) -> Dd {
        let s = two_sum(self.hi, b);
        quick_two_sum(s.hi, s.lo + self.lo)
    }

    fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    fn mul(self, o: Dd) -> Dd {
        let p = two_prod(self.hi, o.hi);
        quick_two_sum(p.hi, p.lo + (self.hi * o.lo + self.lo * o.hi))
    }

    fn mul_f64(self, b: f64) -> Dd {
        let p = two_prod(self.hi, b);
        quick_two_sum(p.hi, p.lo + self.lo * b)
    }

    fn div(self, o: Dd) -> Dd {
        let q1 = self.hi / o.hi;
        let r = self.add(o.mul_f64(q1).neg());
        let q2 = r.hi / o.hi;
        let r = r.add(o.mul_f64(q2).neg());
        let q3 = r.hi / o.hi;
        quick_two_sum(q1, q2).add_f64(q3)
    }
}

// ln 2 in three parts of 40, 40 and 53 bits, so that k * LN2_A and k * LN2_B are exact
// for |k| < 2^13.
const LN2_A: f64 = f64::from_bits(0x3fe6_2e42_fefa_2000);
const LN2_B: f64 = f64::from_bits(0x3d69_ef35_793c_6000);
const LN2_C: f64 = f64::from_bits(0x3ae6_7300_7e5e_d5e8);
const INV_LN2: Dd = dd(0x3ff7_1547_652b_82fe, 0x3c77_77d0_ffda_0d24);

/// 1/(2k+1) for k = 0..=10, as double-doubles.
const ODD_DD: [Dd; 11] = [
    dd(0x3ff0_0000_0000_0000, 0x0000_0000_0000_0000),
    dd(0x3fd5_5555_5555_5555, 0x3c75_5555_5555_5555),
    dd(0x3fc9_9999_9999_999a, 0xbc69_9999_9999_999a),
    dd(0x3fc2_4924_9249_2492, 0x3c62_4924_9249_2492),
    dd(0x3fbc_71c7_1c71_c71c, 0x3c5c_71c7_1c71_c71c),
    dd(0x3fb7_45d1_745d_1746, 0xbc47_45d1_745d_1746),
    dd(0x3fb3_b13b_13b1_3b14, 0xbc53_b13b_13b1_3b14),
    dd(0x3fb1_1111_1111_1111, 0x3c31_1111_1111_1111),
    dd(0x3fae_1e1e_1e1e_1e1e, 0x3c2e_1e1e_1e1e_1e1e),
    dd(0x3faa_f286_bca1_af28, 0x3c4a_f286_bca1_af28),
    dd(0x3fa8_6186_1861_8618, 0x3c48_6186_1861_8618),
];

/// 1/(2k+1) for k = 11..=22: these terms are below 2^-55 of the sum, doubles suffice.
const ODD_TAIL: [u64; 12] = [
    0x3fa6_42c8_590b_2164,
    0x3fa4_7ae1_47ae_147b,
    0x3fa2_f684_bda1_2f68,
    0x3fa1_a7b9_611a_7b96,
    0x3fa0_8421_0842_1084,
    0x3f9f_07c1_f07c_1f08,
    0x3f9d_41d4_1d41_d41d,
    0x3f9b_acf9_14c1_bad0,
    0x3f9a_41a4_1a41_a41a,
    0x3f98_f9c1_8f9c_18fa,
    0x3f97_d05f_417d_05f4,
    0x3f96_c16c_16c1_6c17,
];

/// 1/n! for n = 0..=11, as double-doubles.
const INV_FACT: [Dd; 12] = [
    dd(0x3ff0_0000_0000_0000, 0x0000_0000_0000_0000),
    dd(0x3ff0_0000_0000_0000, 0x0000_0000_0000_0000),
    dd(0x3fe0_0000_0000_0000, 0x0000_0000_0000_0000),
    dd(0x3fc5_5555_5555_5555, 0x3c65_5555_5555_5555),
    dd(0x3fa5_5555_5555_5555, 0x3c45_5555_5555_5555),
    dd(0x3f81_1111_1111_1111, 0x3c01_1111_1111_1111),
    dd(0x3f56_c16c_16c1_6c17, 0xbbef_49f4_9f49_f49f),
    dd(0x3f2a_01a0_1a01_a01a, 0x3b6a_01a0_1a01_a01a),
    dd(0x3efa_01a0_1a01_a01a, 0x3b3a_01a0_1a01_a01a),
    dd(0x3ec7_1de3_a556_c734, 0xbb6c_154f_8ddc_6c00),
    dd(0x3e92_7e4f_b778_9f5c, 0x3b3c_bbc0_5b4f_a99a),
    dd(0x3e5a_e645_67f5_44e4, 0xbafc_062e_06d1_f209),
];

/// `k * ln 2` as a double-double, for |k| < 2^13.
fn k_ln2(k: f64) -> Dd {
    two_sum(k * LN2_A, k * LN2_B).add_f64(k * LN2_C)
}

/// ln x for a finite x > 0 (subnormals included), to about 2^-104 relative.
fn ln_dd(x: f64) -> Dd {
    let (mut m, mut e) = libm::frexp(x); // x = m * 2^e, m in [0.5, 1)
    if m < core::f64::consts::FRAC_1_SQRT_2 {
        m *= 2.0;
        e -= 1;
    }
    // ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1) / (m + 1), |s| <= 0.172.
    // m - 1 is exact (Sterbenz); m + 1 may not be, so it is a double-double.
    let s = Dd {
        hi: m - 1.0,
        lo: 0.0,
    }
    .div(two_sum(m, 1.0));
    let s2 = s.mul(s);
    let mut tail = f64::from_bits(ODD_TAIL[ODD_TAIL.len() - 1]);
    for &c in ODD_TAIL.iter().rev().skip(1) {
        tail = tail * s2.hi + f64::from_bits(c);
    }
    let mut p = Dd { hi: tail, lo: 0.0 };
    for c in ODD_DD.iter().rev() {
        p = p.mul(s2).add(*c);
    }
    k_ln2(e as f64).add(p.mul(s).mul_f64(2.0))
}

/// e^a rounded to a double, for a double-double `a` with -708 < a < 709 (so the
/// result is a normal number).
fn exp_dd(a: Dd) -> f64 {
    let k = libm::floor(a.hi * INV_LN2.hi + 0.5);
    // r = a - k ln 2, |r| <= 0.35; then e^r = (e^(r/256))^256.
    let r = a.add(k_ln2(k).neg());
    let r = Dd {
        hi: r.hi / 256.0,
        lo: r.lo / 256.0,
    };
    let mut p = INV_FACT[INV_FACT.len() - 1];
    for c in INV_FACT.iter().rev().skip(1) {
        p = p.mul(r).add(*c);
    }
    for _ in 0..8 {
        p = p.mul(p);
    }
    libm::ldexp(p.hi, k as i32)
}

/// Whether e^a is a normal double, so that [`exp_dd`] may compute it.
fn in_exp_range(a: f64) -> bool {
    a > -708.0 && a < 709.0
}

/// `exp(x)`, or `None` when libm should answer (special or extreme arguments).
pub fn exp(x: f64) -> Option<f64> {
    in_exp_range(x).then(|| exp_dd(Dd { hi: x, lo: 0.0 }))
}

/// `log(x)` for a finite x > 0, or `None` when libm should answer.
pub fn log(x: f64) -> Option<f64> {
    (x > 0.0 && x.is_finite()).then(|| ln_dd(x).hi)
}

/// `log2(x)` for a finite x > 0, or `None` when libm should answer.
pub fn log2(x: f64) -> Option<f64> {
    (x > 0.0 && x.is_finite()).then(|| ln_dd(x).mul(INV_LN2).hi)
}

/// `log10(x)` by glibc's formula (fdlibm's e_log10.c, Sun Microsystems, freely
/// distributable): with x = 2^n * m, n >= 0 and m in [1, 2) or n < 0 and m in [0.5, 1)
/// (n counted from the next binade up),
/// log10(x) = n * log10_2hi + (n * log10_2lo + ivln10 * log(m)).
pub fn log10(x: f64) -> Option<f64> {
    if !(x > 0.0 && x.is_finite()) {
        return None;
    }
    const IVLN10: f64 = f64::from_bits(0x3fdb_cb7b_1526_e50e);
    const LOG10_2HI: f64 = f64::from_bits(0x3fd3_4413_509f_6000);
    const LOG10_2LO: f64 = f64::from_bits(0x3d59_fef3_11f1_2b36);
    let (mut x, mut k) = (x, 0i32);
    if x < f64::MIN_POSITIVE {
        k -= 54;
        x *= 18_014_398_509_481_984.0; // 2^54
    }
    let bits = x.to_bits();
    k += ((bits >> 52) as i32) - 1023;
    let i = i32::from(k < 0);
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | (((0x3ff - i) as u64) << 52));
    let y = f64::from(k + i);
    let z = y * LOG10_2LO + IVLN10 * ln_dd(m).hi;
    Some(z + y * LOG10_2HI)
}

/// `pow(x, y)` for a finite x > 0 and a finite y, or `None` when libm should answer
/// (the result would overflow or not be a normal number).
pub fn pow_positive(x: f64, y: f64) -> Option<f64> {
    if !(x > 0.0 && x.is_finite() && y.is_finite()) {
        return None;
    }
    let a = ln_dd(x).mul_f64(y);
    in_exp_range(a.hi).then(|| exp_dd(a))
}
