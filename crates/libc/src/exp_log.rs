//! `exp`, `log`, `log2`, `log10` and `pow` rounded as glibc rounds them.
//!
//! glibc's `exp`, `log`, `log2` and `pow` return the correctly rounded result in all but
//! a tiny fraction of cases (their error bound is about 0.52 ulp); libm's (fdlibm's) are
//! one ulp off for a few percent of arguments, which Lua shows as soon as a script prints
//! `%.17g`, compares `10 ^ -12` with a literal, or scales by a power of ten. So these are
//! computed here in double-double arithmetic (dd.rs, about 100 correct bits) and rounded once:
//! the result is the correctly rounded one unless the exact value lies within about
//! 2^-45 ulp of a rounding boundary, and then equals glibc's wherever glibc is correct.
//! `log10` follows glibc's own (fdlibm) formula on top of this `log`, since glibc's
//! `log10` is not correctly rounded.
//!
//! Only finite, non-special arguments whose result is a normal number come here; the
//! callers in math.rs leave zeros, infinities, NaNs, negative arguments and results that
//! overflow or underflow to libm, which agrees with glibc on those.

use super::dd::{dd, odd_series, two_sum, Dd, INV_FACT};

// ln 2 in three parts of 40, 40 and 53 bits, so that k * LN2_A and k * LN2_B are exact
// for |k| < 2^13.
const LN2_A: f64 = f64::from_bits(0x3fe6_2e42_fefa_2000);
const LN2_B: f64 = f64::from_bits(0x3d69_ef35_793c_6000);
const LN2_C: f64 = f64::from_bits(0x3ae6_7300_7e5e_d5e8);
const INV_LN2: Dd = dd(0x3ff7_1547_652b_82fe, 0x3c77_77d0_ffda_0d24);

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
    k_ln2(e as f64).add(odd_series(s.mul(s)).mul(s).mul_f64(2.0))
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
    let mut p = INV_FACT[11];
    for c in INV_FACT[..11].iter().rev() {
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
