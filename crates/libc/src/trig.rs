//! `sin`, `cos`, `tan`, `asin`, `acos`, `atan` and `atan2`, correctly rounded.
//!
//! glibc's versions are correctly rounded for all but about 0.1% to 0.3% of arguments
//! (measured against 300-bit evaluation; their documented bounds are about 0.55 ulp), and
//! their wrong cases differ between CPUs with and without FMA. libm's (fdlibm's) differed
//! from glibc's in the last bit for 2% to 4% of arguments, which Lua shows with `%.17g`. So
//! these return the correctly rounded result, equal to glibc's wherever glibc's is correct.
//!
//! Each is evaluated in double-double arithmetic (dd.rs, about 2^-100) and rounded once
//! when [`round_checked`] says the rounding is certain; otherwise (about one argument in
//! 2^37) it is recomputed with 256-bit fixed point (fx.rs). Arguments of sin, cos and tan
//! are reduced modulo pi/2 by Payne and Hanek's method, exact for every double.
//!
//! Infinities and zeros give what glibc gives (C99's values, and for sin, cos and tan of an
//! infinity the NaN x86 computes, glibc's `x - x`); NaN arguments never come here, the
//! callers in math.rs return them quieted as glibc does.

use super::dd::{dd, fact_series, odd_series, round_checked, Dd};
use super::fx::Fx;

/// 2/pi in 64-bit words, most significant first: 1536 bits, enough for any double.
const TWO_OVER_PI: [u64; 24] = [
    0xa2f9_836e_4e44_1529,
    0xfc27_57d1_f534_ddc0,
    0xdb62_9599_3c43_9041,
    0xfe51_63ab_debb_c561,
    0xb724_6e3a_424d_d2e0,
    0x0649_2eea_09d1_921c,
    0xfe1d_eb1c_b129_a73e,
    0xe882_35f5_2ebb_4484,
    0xe99c_7026_b45f_7e41,
    0x3991_d639_8353_39f4,
    0x9c84_5f8b_bdf9_283b,
    0x1ff8_97ff_de05_980f,
    0xef2f_118b_5a0a_6d1f,
    0x6d36_7ecf_27cb_09b7,
    0x4f46_3f66_9e5f_ea2d,
    0x7527_bac7_ebe5_f17b,
    0x3d07_39f7_8a52_92ea,
    0x6bfb_5fb1_1f8d_5d08,
    0x5603_3046_fc7b_6bab,
    0xf0cf_bc20_9af4_361d,
    0xa9e3_9161_5ee6_1b08,
    0x6599_855f_14a0_6840,
    0x8dff_d880_4d73_2731,
    0x0606_1556_ca73_a8c9,
];

/// pi/2 to 2^-256.
const PI_2_FX: Fx = Fx([
    0x0417_7d4c_7627_3644,
    0x5204_9c11_14cf_98e8,
    0x898c_c517_01b8_39a2,
    0x921f_b544_42d1_8469,
    1,
]);

const PI: Dd = dd(0x4009_21fb_5444_2d18, 0x3ca1_a626_3314_5c07);
const THREE_PI_4: f64 = f64::from_bits(0x4002_d97c_7f33_21d2);

/// sin, cos and tan of an infinity: glibc returns `x - x`, which is this NaN on x86 (the
/// "default NaN"; printed `-nan`), whatever the sign of x.
const INVALID: f64 = f64::from_bits(0xfff8_0000_0000_0000);
const PI_2: Dd = dd(0x3ff9_21fb_5444_2d18, 0x3c91_a626_3314_5c07);

/// atan(i/4) for i = 0..=4.
const ATAN_QUARTERS: [Dd; 5] = [
    dd(0, 0),
    dd(0x3fcf_5b75_f92c_80dd, 0x3c68_ab6e_3cf7_afbd),
    dd(0x3fdd_ac67_0561_bb4f, 0x3c7a_2b7f_222f_65e2),
    dd(0x3fe4_978f_a326_9ee1, 0x3c72_419a_87f2_a458),
    dd(0x3fe9_21fb_5444_2d18, 0x3c81_a626_3314_5c07),
];

/// 2^-26 and 2^-27: below these, sin, tan, asin and atan round to their argument, and cos
/// to 1 (the next term of their series is below half an ulp).
const TINY_SIN: f64 = 1.490_116_119_384_765_6e-8;
const TINY: f64 = 7.450_580_596_923_828e-9;

/// The `bits` of a little-endian word array from bit `pos` up (zeros beyond its ends).
fn bits_at(words: &[u64], pos: usize) -> u64 {
    let (i, b) = (pos / 64, pos % 64);
    let lo = words.get(i).map_or(0, |w| w >> b);
    let hi = words
        .get(i + 1)
        .map_or(0, |w| w.checked_shl(64 - b as u32).unwrap_or(0));
    lo | hi
}

/// For a finite a >= 0: the quadrant q and r with a = (4j + q) pi/2 + r, |r| <= pi/4,
/// r to about 2^-256 (tests/trig_vs_glibc.rs builds its reference values on it).
pub fn reduce(a: f64) -> (u32, Fx) {
    if a < core::f64::consts::FRAC_PI_4 {
        return (0, Fx::from_f64(a));
    }
    let bits = a.to_bits();
    let m = (bits & 0x000f_ffff_ffff_ffff) | 1 << 52;
    let e = (bits >> 52) as i32 - 1075;
    // a 2/pi = m sum_j TWO_OVER_PI[j] 2^(e - 64 (j + 1)); the words with j < j0 add
    // multiples of 4 only, which do not change the quadrant. Six words from j0 give at
    // least 319 bits after the binary point, the first 256 of them exact.
    let j0 = ((e - 66).div_euclid(64) + 1).max(0) as usize;
    let mut acc = [0u64; 7];
    for (i, &t) in TWO_OVER_PI[j0..j0 + 6].iter().enumerate() {
        let p = u128::from(m) * u128::from(t);
        // Word i has weight 2^(64 (5 - i)) in acc.
        let k = 5 - i;
        let lo = u128::from(acc[k]) + (p as u64 as u128);
        acc[k] = lo as u64;
        let mut carry = (lo >> 64) + (p >> 64);
        for w in acc.iter_mut().skip(k + 1) {
            let s = u128::from(*w) + carry;
            *w = s as u64;
            carry = s >> 64;
        }
    }
    // acc has `point` bits after the binary point.
    let point = (64 * (j0 as i32 + 6) - e) as usize;
    let mut q = (bits_at(&acc, point) & 3) as u32;
    let f: [u64; 4] = core::array::from_fn(|k| bits_at(&acc, point - 256 + 64 * k));
    // A fraction of 1/2 or more is the next quadrant minus the rest.
    let top = if f[3] >> 63 == 1 {
        q += 1;
        u64::MAX
    } else {
        0
    };
    let f = Fx([f[0], f[1], f[2], f[3], top]);
    (q & 3, f.mul(PI_2_FX))
}

fn sin_dd(r: Dd) -> Dd {
    r.mul(fact_series(r.mul(r).neg(), 1))
}

fn cos_dd(r: Dd) -> Dd {
    fact_series(r.mul(r).neg(), 0)
}

/// sin(a) for a finite a >= 0.
fn sin_pos(a: f64) -> f64 {
    let (q, r) = reduce(a);
    sin_in_quadrant(q, r)
}

/// sin(q·π/2 + r) for the quadrant `q` (0..=3) and reduced argument `r`, correctly
/// rounded: double-double first, the fixed-point slow path when rounding is uncertain.
fn sin_in_quadrant(q: u32, r: Fx) -> f64 {
    let rd = r.to_dd();
    let v = if q.is_multiple_of(2) {
        sin_dd(rd)
    } else {
        cos_dd(rd)
    };
    let v = if q >= 2 { v.neg() } else { v };
    round_checked(v).unwrap_or_else(|| {
        let (s, c) = r.sin_cos();
        let v = if q.is_multiple_of(2) { s } else { c };
        if q >= 2 { v.neg() } else { v }.to_f64()
    })
}

pub fn sin(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() {
        return INVALID;
    }
    if a < TINY_SIN {
        return x;
    }
    let s = sin_pos(a);
    if x < 0.0 {
        -s
    } else {
        s
    }
}

pub fn cos(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() {
        return INVALID;
    }
    if a < TINY {
        return 1.0;
    }
    // cos(a) = sin(a + pi/2): the next quadrant.
    let (q, r) = reduce(a);
    sin_in_quadrant((q + 1) & 3, r)
}

pub fn tan(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() {
        return INVALID;
    }
    if a < TINY {
        return x;
    }
    // tan(r) in even quadrants, -1/tan(r) = -cos(r)/sin(r) in odd ones.
    let (q, r) = reduce(a);
    let rd = r.to_dd();
    let (s, c) = (sin_dd(rd), cos_dd(rd));
    let v = if q % 2 == 0 { s.div(c) } else { c.div(s).neg() };
    let t = round_checked(v).unwrap_or_else(|| {
        let (s, c) = r.sin_cos();
        let (num, den) = if q % 2 == 0 { (s, c) } else { (c.neg(), s) };
        quotient(num, den, v)
    });
    if x < 0.0 {
        -t
    } else {
        t
    }
}

/// num/den rounded to a double, from an approximation `v` good to about 2^-100: the rest
/// (num - v den)/den is tiny, so a double quotient gives it to far more than needed.
fn quotient(num: Fx, den: Fx, v: Dd) -> f64 {
    let v = Fx::from_dd(v);
    let rest = num.sub(v.mul(den)).to_f64() / den.to_f64();
    v.add(Fx::from_f64(rest)).to_f64()
}

/// atan(t) for 0 <= t <= 1: atan(c) + atan(v), c = i/4 the nearest quarter and
/// v = (t - c)/(1 + t c), |v| <= 1/8, where atan's series converges fast.
fn atan_unit(t: Dd) -> Dd {
    let i = libm::floor(t.hi * 4.0 + 0.5);
    let c = i / 4.0;
    let v = t.add_f64(-c).div(t.mul_f64(c).add_f64(1.0));
    ATAN_QUARTERS[i as usize].add(v.mul(odd_series(v.mul(v).neg())))
}

/// The angle of (x, y), both finite with magnitudes at most 1, not both zero.
fn atan2_dd(y: Dd, x: Dd) -> Dd {
    let (ay, ax) = (y.hi.abs(), x.hi.abs());
    let abs = |v: Dd| if v.hi < 0.0 { v.neg() } else { v };
    let a = if ay > ax {
        PI_2.add(atan_unit(abs(x).div(abs(y))).neg())
    } else {
        atan_unit(abs(y).div(abs(x)))
    };
    // The signs, not comparisons: a tiny y scaled with a huge x may have become -0.
    let a = if x.hi.is_sign_negative() {
        PI.add(a.neg())
    } else {
        a
    };
    if y.hi.is_sign_negative() {
        a.neg()
    } else {
        a
    }
}

/// The angle of (x, y) correctly rounded, from `a`, its approximation to about 2^-100:
/// the angle is a + atan(d) with d = (y cos a - x sin a)/(x cos a + y sin a), which is
/// tiny, so atan(d) = d to far more than needed.
fn atan2_slow(y: Fx, x: Fx, a: Dd) -> f64 {
    let a = Fx::from_dd(a);
    let (s, c) = a.sin_cos();
    let num = y.mul(c).sub(x.mul(s));
    let den = x.mul(c).add(y.mul(s));
    a.add(Fx::from_f64(num.to_f64() / den.to_f64())).to_f64()
}

/// The angle of (x, y), for x and y not NaN.
pub fn atan2(y: f64, x: f64) -> f64 {
    if !(y.is_finite() && x.is_finite()) || y == 0.0 || x == 0.0 {
        return atan2_special(y, x);
    }
    let q = y / x;
    if x > 0.0 && q.abs() < 5.551_115_123_125_783e-17 {
        // atan(q) = q (1 - q^2/3 ...) with q^2/3 below 2^-109, and y/x, a quotient of
        // doubles, is never that close to a rounding boundary: the double quotient is
        // the correctly rounded angle (including when it underflows).
        return q;
    }
    // Scale both to at most 1 (exactly, but for a far smaller one, which does not matter).
    let (_, e) = libm::frexp(y.abs().max(x.abs()));
    let (y, x) = (libm::ldexp(y, -e), libm::ldexp(x, -e));
    let a = atan2_dd(Dd::from_f64(y), Dd::from_f64(x));
    round_checked(a).unwrap_or_else(|| atan2_slow(Fx::from_f64(y), Fx::from_f64(x), a))
}

/// atan2 where y or x is zero or infinite (C99's table, as glibc follows it): the angle of
/// the direction, with y's sign, and for a zero y the side of x's sign.
fn atan2_special(y: f64, x: f64) -> f64 {
    let angle = if y == 0.0 {
        if x.is_sign_negative() {
            PI.hi
        } else {
            0.0
        }
    } else if y.is_infinite() && x.is_infinite() {
        if x > 0.0 {
            ATAN_QUARTERS[4].hi
        } else {
            THREE_PI_4
        }
    } else if x.is_infinite() {
        if x > 0.0 {
            0.0
        } else {
            PI.hi
        }
    } else {
        PI_2.hi // y infinite, or x zero
    };
    if y.is_sign_negative() {
        -angle
    } else {
        angle
    }
}

pub fn atan(x: f64) -> f64 {
    if x.abs() < TINY {
        return x;
    }
    atan2(x, 1.0)
}

/// sqrt(1 - x^2) for |x| <= 1, to about 2^-104: 1 - x^2 = (1 - |x|)(1 + |x|) exactly when
/// |x| >= 1/2 (1 - |x| is exact), 1 - x x otherwise.
fn cosine_of(x: f64) -> Dd {
    let a = x.abs();
    let d = if a >= 0.5 {
        super::dd::two_sum(1.0, a).mul_f64(1.0 - a)
    } else {
        super::dd::two_prod(a, a).neg().add_f64(1.0)
    };
    if d.hi == 0.0 {
        d
    } else {
        d.sqrt()
    }
}

/// sqrt(1 - x^2) in fixed point.
fn cosine_of_fx(x: f64) -> Fx {
    let x = Fx::from_f64(x);
    let d = Fx::ONE.sub(x.mul(x));
    if d == Fx::ZERO {
        d
    } else {
        d.sqrt()
    }
}

/// `asin(x)` for |x| <= 1: the angle of (sqrt(1 - x^2), x).
pub fn asin(x: f64) -> f64 {
    if x.abs() < TINY {
        return x;
    }
    let a = atan2_dd(Dd::from_f64(x), cosine_of(x));
    round_checked(a).unwrap_or_else(|| atan2_slow(Fx::from_f64(x), cosine_of_fx(x), a))
}

/// `acos(x)` for |x| <= 1: the angle of (x, sqrt(1 - x^2)).
pub fn acos(x: f64) -> f64 {
    let a = atan2_dd(cosine_of(x), Dd::from_f64(x));
    round_checked(a).unwrap_or_else(|| atan2_slow(cosine_of_fx(x), Fx::from_f64(x), a))
}
