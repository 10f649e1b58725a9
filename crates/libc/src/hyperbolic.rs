//! `sinh`, `cosh` and `tanh` computed as glibc 2.36 computes them, so that they give its
//! bits.
//!
//! glibc's are not correctly rounded (up to a few ulp in places): they are fdlibm's
//! formulas (e_sinh.c, e_cosh.c, s_tanh.c; Sun Microsystems, freely distributable) over
//! glibc's `expm1` and `exp`. So are libm's, but over libm's `expm1`, which evaluates its
//! polynomial in another order, and libm's `exp`; that made 10% to 45% of results differ.
//! Here the formulas are fdlibm's, `exp` is exp_log.rs's (correctly rounded, like glibc's
//! in all but about 0.1% of cases) and `expm1` is fdlibm's as glibc compiles it for x86_64
//! CPUs with FMA (every x86_64 since 2013, and the machine these were compared on): glibc
//! selects that build at run time, and its compiler fused several multiply-adds, which
//! changes their rounding. The fused operations below are the ones in that build (read
//! from its machine code); each is computed exactly here with `libm::fma`, since wasm has
//! no fused multiply-add.

use super::exp_log;

/// The high 32 bits of a double's representation, as fdlibm tests magnitudes.
fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

/// `x` with `k` added to its exponent (fdlibm's SET_HIGH_WORD(y, high + (k << 20))).
fn add_exponent(y: f64, k: i32) -> f64 {
    f64::from_bits(y.to_bits().wrapping_add(((k as i64) << 52) as u64))
}

fn fma(a: f64, b: f64, c: f64) -> f64 {
    libm::fma(a, b, c)
}

fn exp(x: f64) -> f64 {
    exp_log::exp(x).unwrap_or_else(|| libm::exp(x))
}

/// `expm1(x)` for a finite x, as glibc's FMA build computes it.
pub fn expm1(x: f64) -> f64 {
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    const INV_LN2: f64 = f64::from_bits(0x3ff7_1547_652b_82fe);
    // fdlibm's coefficients of R1(z) = 1 + Q1 z + ... scaled by 2^i.
    const Q: [f64; 5] = [
        f64::from_bits(0xbfa1_1111_1111_10f4),
        f64::from_bits(0x3f5a_01a0_19fe_5585),
        f64::from_bits(0xbf14_ce19_9eaa_dbb7),
        f64::from_bits(0x3ed0_cfca_86e6_5239),
        f64::from_bits(0xbe8a_fdb7_6e09_c32d),
    ];
    let hx = high_word(x) & 0x7fff_ffff;
    let negative = x < 0.0;
    if hx >= 0x4043_687a {
        // |x| >= 56 ln 2: -1 below, overflow above 709.78.
        if negative {
            return -1.0;
        }
        if x > 709.782_712_893_384 {
            return f64::INFINITY;
        }
    }
    // x = k ln2 + (hi - lo), c the rounding error of hi - lo.
    let (k, x, c) = if hx > 0x3fd6_2e42 {
        let (hi, lo, k) = if hx < 0x3ff0_a2b2 {
            if negative {
                (x + LN2_HI, -LN2_LO, -1)
            } else {
                (x - LN2_HI, LN2_LO, 1)
            }
        } else {
            let k = (INV_LN2 * x + if negative { -0.5 } else { 0.5 }) as i32;
            let t = f64::from(k);
            (fma(-t, LN2_HI, x), t * LN2_LO, k)
        };
        let r = hi - lo;
        (k, r, (hi - r) - lo)
    } else if hx < 0x3c90_0000 {
        return x; // |x| < 2^-54
    } else {
        (0, x, 0.0)
    };
    let hfx = 0.5 * x;
    let hxs = x * hfx;
    let r1 = fma(hxs, Q[0], 1.0);
    let r2 = fma(hxs, Q[2], Q[1]);
    let r3 = fma(hxs, Q[4], Q[3]);
    let h2 = hxs * hxs;
    let h4 = h2 * h2;
    let r1 = fma(h4, r3, fma(h2, r2, r1));
    let t = fma(-r1, hfx, 3.0);
    let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
    if k == 0 {
        return x - fma(e, x, -hxs);
    }
    let e = fma(e - c, x, -c) - hxs;
    match k {
        -1 => 0.5 * (x - e) - 0.5,
        1 if x < -0.25 => -2.0 * (e - (x + 0.5)),
        1 => 1.0 + 2.0 * (x - e),
        k if !(-1..=56).contains(&k) => add_exponent(1.0 - (e - x), k) - 1.0,
        k if k < 20 => {
            let t = f64::from_bits(u64::from(0x3ff0_0000 - (0x20_0000u32 >> k)) << 32);
            add_exponent(t - (e - x), k)
        }
        k => {
            let t = f64::from_bits(((0x3ff - k) as u64) << 52);
            add_exponent(x - (e + t) + 1.0, k)
        }
    }
}

/// `sinh(x)` for a finite x.
pub fn sinh(x: f64) -> f64 {
    let h = if x < 0.0 { -0.5 } else { 0.5 };
    let a = x.abs();
    let ix = high_word(a);
    if ix < 0x4036_0000 {
        // |x| < 22
        if ix < 0x3e30_0000 {
            return x; // |x| < 2^-28
        }
        let t = expm1(a);
        if ix < 0x3ff0_0000 {
            return h * ((t + t) - t * t / (t + 1.0));
        }
        return h * (t + t / (t + 1.0));
    }
    if ix < 0x4086_2e42 {
        return h * exp(a);
    }
    if a.to_bits() <= 0x4086_33ce_8fb9_f87d {
        // Up to the overflow threshold: e^|x| / 2 = (e^(|x|/2) / 2) e^(|x|/2).
        let w = exp(0.5 * a);
        return h * w * w;
    }
    x * 1.0e307
}

/// `cosh(x)` for a finite x.
pub fn cosh(x: f64) -> f64 {
    let a = x.abs();
    let ix = high_word(a);
    if ix < 0x4036_0000 {
        if ix <= 0x3fd6_2e42 {
            // |x| <= ln2 / 2: 1 + expm1(|x|)^2 / (2 e^|x|)
            if ix < 0x3c80_0000 {
                return 1.0;
            }
            let t = expm1(a);
            let w = 1.0 + t;
            return 1.0 + (t * t) / (w + w);
        }
        let t = exp(a);
        return 0.5 * t + 0.5 / t;
    }
    if ix < 0x4086_2e42 {
        return 0.5 * exp(a);
    }
    if a.to_bits() <= 0x4086_33ce_8fb9_f87d {
        let w = exp(0.5 * a);
        return 0.5 * w * w;
    }
    f64::INFINITY
}

/// `tanh(x)` for a finite x.
pub fn tanh(x: f64) -> f64 {
    let a = x.abs();
    let ix = high_word(a);
    let z = if ix < 0x4036_0000 {
        if x == 0.0 {
            return x;
        }
        if ix < 0x3c80_0000 {
            return x * (1.0 + x); // |x| < 2^-55
        }
        if ix >= 0x3ff0_0000 {
            1.0 - 2.0 / (expm1(2.0 * a) + 2.0)
        } else {
            let t = expm1(-2.0 * a);
            -t / (t + 2.0)
        }
    } else {
        1.0 - 1.0e-300
    };
    if x < 0.0 {
        -z
    } else {
        z
    }
}
