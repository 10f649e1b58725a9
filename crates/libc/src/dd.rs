//! Double-double arithmetic: a value as the unevaluated sum of two doubles, about 106
//! bits, enough to round a result once and get the correctly rounded double in all but
//! about one case in 2^40 (exp_log.rs, trig.rs). wasm has no fused multiply-add, so the
//! exact products are Dekker's.
//!
//! Also here: the series both exp_log.rs and trig.rs evaluate, and [`round_checked`],
//! the test that says whether a double-double result rounds to a certain double.

/// A double-double: the unevaluated sum `hi + lo` with `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug)]
pub struct Dd {
    pub hi: f64,
    pub lo: f64,
}

pub const fn dd(hi: u64, lo: u64) -> Dd {
    Dd {
        hi: f64::from_bits(hi),
        lo: f64::from_bits(lo),
    }
}

/// `a + b` exactly, as a double-double (Knuth).
pub fn two_sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    let bb = s - a;
    Dd {
        hi: s,
        lo: (a - (s - bb)) + (b - bb),
    }
}

/// `a + b` exactly, when `|a| >= |b|` (Dekker).
pub fn quick_two_sum(a: f64, b: f64) -> Dd {
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
pub fn two_prod(a: f64, b: f64) -> Dd {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    Dd {
        hi: p,
        lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl,
    }
}

// Named methods rather than operator traits: each step rounds or truncates, and the
// call chains read in the order the algorithms are written.
#[allow(clippy::should_implement_trait)]
impl Dd {
    pub const fn from_f64(hi: f64) -> Dd {
        Dd { hi, lo: 0.0 }
    }

    pub fn add(self, o: Dd) -> Dd {
        let s = two_sum(self.hi, o.hi);
        let t = two_sum(self.lo, o.lo);
        let s = quick_two_sum(s.hi, s.lo + t.hi);
        quick_two_sum(s.hi, s.lo + t.lo)
    }

    pub fn add_f64(self, b: f64) -> Dd {
        let s = two_sum(self.hi, b);
        quick_two_sum(s.hi, s.lo + self.lo)
    }

    pub fn neg(self) -> Dd {
        Dd {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    pub fn mul(self, o: Dd) -> Dd {
        let p = two_prod(self.hi, o.hi);
        quick_two_sum(p.hi, p.lo + (self.hi * o.lo + self.lo * o.hi))
    }

    pub fn mul_f64(self, b: f64) -> Dd {
        let p = two_prod(self.hi, b);
        quick_two_sum(p.hi, p.lo + self.lo * b)
    }

    pub fn div(self, o: Dd) -> Dd {
        let q1 = self.hi / o.hi;
        let r = self.add(o.mul_f64(q1).neg());
        let q2 = r.hi / o.hi;
        let r = r.add(o.mul_f64(q2).neg());
        let q3 = r.hi / o.hi;
        quick_two_sum(q1, q2).add_f64(q3)
    }

    /// The square root of a positive double-double (one Newton step from the double's).
    pub fn sqrt(self) -> Dd {
        let s = libm::sqrt(self.hi);
        let r = self.add(two_prod(s, s).neg());
        quick_two_sum(s, r.hi / (2.0 * s))
    }
}

/// `x` rounded to a double, if every value within `|x| * 2^-90` of it rounds to the same
/// double (Ziv's test). The callers' evaluations are accurate to about 2^-100, so a `None`
/// means the exact result lies within 2^-37 ulp of a rounding boundary: the caller then
/// recomputes it more precisely (fx.rs).
pub fn round_checked(x: Dd) -> Option<f64> {
    const BOUND: f64 = 8.077_935_669_463_161e-28; // 2^-90
    let e = x.hi.abs() * BOUND;
    let up = x.hi + (x.lo + e);
    (up == x.hi + (x.lo - e)).then_some(up)
}

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

/// `sum z^k / (2k+1)` for |z| <= 0.03, to about 2^-104: atanh(s) = s * odd_series(s^2) and
/// atan(v) = v * odd_series(-v^2).
pub fn odd_series(z: Dd) -> Dd {
    let mut tail = f64::from_bits(ODD_TAIL[ODD_TAIL.len() - 1]);
    for &c in ODD_TAIL.iter().rev().skip(1) {
        tail = tail * z.hi + f64::from_bits(c);
    }
    let mut p = Dd::from_f64(tail);
    for c in ODD_DD.iter().rev() {
        p = p.mul(z).add(*c);
    }
    p
}

/// 1/n! for n = 0..=17, as double-doubles.
pub const INV_FACT: [Dd; 18] = [
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
    dd(0x3e21_eed8_eff8_d898, 0xbac2_aec9_59e1_4c06),
    dd(0x3de6_1246_13a8_6d09, 0x3a8f_28e0_cc74_8ebe),
    dd(0x3da9_3974_a8c0_7c9d, 0x3a30_5d6f_8a2e_fd1f),
    dd(0x3d6a_e7f3_e733_b81f, 0x39e1_d865_6b0e_e8cb),
    dd(0x3d2a_e7f3_e733_b81f, 0x39a1_d865_6b0e_e8cb),
    dd(0x3ce9_52c7_7030_ad4a, 0x398a_c981_465d_dc6c),
];

/// 1/n! for n = 18..=31: below 2^-55 of the sums they end, doubles suffice.
const FACT_TAIL: [u64; 14] = [
    0x3ca6_8278_63b9_7d97,
    0x3c62_f49b_4681_4157,
    0x3c1e_542b_a402_0225,
    0x3bd7_1b8e_f6dc_f572,
    0x3b90_ce39_6db7_f853,
    0x3b47_61b4_1316_381a,
    0x3aff_2cf0_1972_f578,
    0x3ab3_f3cc_dd16_5fa9,
    0x3a68_8e85_fc6a_4e5a,
    0x3a1d_1ab1_c2dc_cea3,
    0x39d0_a18a_2635_085d,
    0x3982_59f9_8b43_58ad,
    0x3933_932c_5047_d60e,
    0x38e4_34d2_e783_f5bc,
];

/// `sum z^n / (2n+k)!` for n = 0..=15 and |z| <= 0.62, to about 2^-104: with z = -r^2,
/// sin(r) / r for k = 1 and cos(r) for k = 0 (|r| <= pi/4).
pub fn fact_series(z: Dd, k: usize) -> Dd {
    // Terms n >= 9 are below 2^-55 of the sum: Horner in doubles for them.
    let mut tail = 0.0;
    for n in (9..=15).rev() {
        tail = tail * z.hi + f64::from_bits(FACT_TAIL[2 * n + k - 18]);
    }
    let mut p = Dd::from_f64(tail);
    for n in (0..=8).rev() {
        p = p.mul(z).add(INV_FACT[2 * n + k]);
    }
    p
}
