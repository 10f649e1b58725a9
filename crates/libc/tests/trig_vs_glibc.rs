//! The guest's trigonometric and hyperbolic functions (src/trig.rs, hyperbolic.rs)
//! against glibc's and against a 256-bit reference.
//!
//! sin, cos, tan, asin, acos, atan and atan2 must be correctly rounded: equal, for every
//! sampled argument, to the reference rounded once. glibc's are correctly rounded for all
//! but a few arguments in a thousand, so ours must equal glibc's but for at most that many.
//! sinh, cosh and tanh follow glibc's formulas, and its FMA build of expm1 (the one glibc
//! picks on x86_64 CPUs with FMA): expm1 must give glibc's bits exactly, and sinh, cosh,
//! tanh differ only where they use exp and glibc's exp is not correctly rounded.
//!
//! Each range has `MATH_SAMPLES` arguments (default 20,000, 3,000 in debug builds;
//! `MATH_SAMPLES=1000000 cargo
//! test --release -p lua-wasm-libc --test trig_vs_glibc -- --nocapture` prints the rates
//! given in docs/ABI.md).

mod support;

use lua_wasm_libc::fx::Fx;
use lua_wasm_libc::{hyperbolic, math as ours, trig};
use support::{glibc, Rng};

fn samples() -> usize {
    // The reference is slow without optimization: fewer samples in debug builds.
    let default = if cfg!(debug_assertions) {
        3_000
    } else {
        20_000
    };
    std::env::var("MATH_SAMPLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Special arguments: zeros, the smallest and largest doubles, exact points, the edges
/// of the functions' domains and of their formulas' ranges.
const SPECIALS: [f64; 26] = [
    0.0,
    -0.0,
    5e-324,
    -2.2250738585072014e-308,
    1e-300,
    1.4901161193847656e-8,
    7.450580596923828e-9,
    0.5,
    -0.5,
    1.0,
    -1.0,
    0.34657359027997264,
    1.0397207708399179,
    2.0,
    std::f64::consts::FRAC_PI_4,
    std::f64::consts::FRAC_PI_2,
    -std::f64::consts::PI,
    22.0,
    38.816242111356935,
    709.782712893384,
    710.4758600739439,
    1e22,
    -1e300,
    // 6381956970095103 2^797, the double nearest to a multiple of pi/2 (about 4.7e-19 off).
    f64::from_bits(0x7506_ac5b_262c_a1ff),
    f64::MAX,
    f64::MIN_POSITIVE,
];

/// Where arguments are drawn from.
#[derive(Clone, Copy, Debug)]
enum Range {
    /// `SPECIALS`, and their neighbours one ulp away.
    Special,
    /// Magnitudes between 2^-60 and 2^-20, either sign.
    Tiny,
    /// Uniform in (-1, 1).
    Unit,
    /// Uniform in (-lim, lim).
    Within(f64),
    /// Magnitudes spread evenly over the exponents from 2^-30 to 2^1000.
    Huge,
}

impl Rng {
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn draw(&mut self, range: Range) -> f64 {
        let sign = if self.next() & 1 == 0 { 1.0 } else { -1.0 };
        match range {
            Range::Special => {
                let x = SPECIALS[self.below(SPECIALS.len() as u64) as usize];
                // The representation's neighbours are the magnitude's (zeros stay zeros).
                let bits = (x.to_bits() + self.below(3)).wrapping_sub(1);
                if x == 0.0 {
                    x
                } else {
                    f64::from_bits(bits)
                }
            }
            Range::Tiny => sign * (2.0f64).powf(-60.0 + 40.0 * self.unit()),
            Range::Unit => 2.0 * self.unit() - 1.0,
            Range::Within(lim) => lim * (2.0 * self.unit() - 1.0),
            Range::Huge => sign * (2.0f64).powf(-30.0 + 1030.0 * self.unit()),
        }
    }
}

/// Rounds `num / den` from an approximation: two corrections in fixed point.
fn fx_quotient(num: Fx, den: Fx, mut q: f64) -> f64 {
    let mut v = Fx::from_f64(q);
    for _ in 0..2 {
        q = num.sub(v.mul(den)).to_f64() / den.to_f64();
        v = v.add(Fx::from_f64(q));
    }
    v.to_f64()
}

/// The angle `a` of (x, y) (scaled to at most 1), refined from an approximation within a
/// few ulps: a += atan(d) ~ d, d = (y cos a - x sin a)/(x cos a + y sin a), three times.
fn fx_angle(y: Fx, x: Fx, a: f64) -> f64 {
    let mut a = Fx::from_f64(a);
    for _ in 0..3 {
        let (s, c) = a.sin_cos();
        let d = y.mul(c).sub(x.mul(s)).to_f64() / x.mul(c).add(y.mul(s)).to_f64();
        a = a.add(Fx::from_f64(d));
    }
    a.to_f64()
}

/// The exact sqrt(1 - x^2) in fixed point, from the double's by Newton's method.
fn fx_cosine(x: f64) -> Fx {
    let d = Fx::ONE.sub(Fx::from_f64(x).mul(Fx::from_f64(x)));
    let mut s = Fx::from_f64(libm::sqrt(d.to_f64()));
    if s == Fx::ZERO {
        return s;
    }
    for _ in 0..3 {
        // s = (s + d/s)/2, with d/s as a quotient refined from the double's.
        let q = Fx::from_f64(fx_quotient(d, s, d.to_f64() / s.to_f64()));
        let e = d.sub(q.mul(s)).to_f64() / s.to_f64();
        s = s.add(q).add(Fx::from_f64(e)).div_small(2);
    }
    s
}

/// The correctly rounded value of `name` at x (y for atan2's second argument), computed
/// independently of trig.rs's double-double path; `None` where the argument is too small
/// for the fixed-point reference (there the functions are their series' first term).
fn reference(name: &str, x: f64, y: f64) -> Option<f64> {
    // SAFETY: glibc's math functions have no preconditions.
    let g = |f: unsafe extern "C" fn(f64) -> f64| unsafe { f(x) };
    match name {
        "sin" | "cos" | "tan" => {
            if !(x.abs() >= 1e-8 && x.is_finite()) {
                return None;
            }
            let (q, r) = trig::reduce(x.abs());
            let (s, c) = r.sin_cos();
            let (s, c) = match q {
                0 => (s, c),
                1 => (c, s.neg()),
                2 => (s.neg(), c.neg()),
                _ => (c.neg(), s),
            };
            let sign = if x < 0.0 { -1.0 } else { 1.0 };
            Some(match name {
                "sin" => sign * s.to_f64(),
                "cos" => c.to_f64(),
                _ => sign * fx_quotient(s, c, s.to_f64() / c.to_f64()),
            })
        }
        "asin" if x.abs() >= 1e-8 => Some(fx_angle(Fx::from_f64(x), fx_cosine(x), g(glibc::asin))),
        "acos" if x.is_finite() => Some(fx_angle(fx_cosine(x), Fx::from_f64(x), g(glibc::acos))),
        "atan" | "atan2" => {
            let (y, x) = if name == "atan" { (x, 1.0) } else { (x, y) };
            if (y / x).abs() < 1e-8 || y == 0.0 || !y.is_finite() || !x.is_finite() {
                return None;
            }
            // SAFETY: as above.
            let a = unsafe { glibc::atan2(y, x) };
            let (_, e) = libm::frexp(y.abs().max(x.abs()));
            let (y, x) = (libm::ldexp(y, -e), libm::ldexp(x, -e));
            Some(fx_angle(Fx::from_f64(y), Fx::from_f64(x), a))
        }
        _ => None,
    }
}

type Unary = (
    &'static str,
    unsafe extern "C" fn(f64) -> f64,
    extern "C" fn(f64) -> f64,
);

const CORRECTLY_ROUNDED: [Unary; 6] = [
    ("sin", glibc::sin, ours::sin),
    ("cos", glibc::cos, ours::cos),
    ("tan", glibc::tan, ours::tan),
    ("asin", glibc::asin, ours::asin),
    ("acos", glibc::acos, ours::acos),
    ("atan", glibc::atan, ours::atan),
];

const RANGES: [Range; 7] = [
    Range::Special,
    Range::Tiny,
    Range::Unit,
    Range::Within(100.0),
    Range::Within(1e6),
    Range::Huge,
    Range::Within(1e300),
];

/// Counts over one function and range.
#[derive(Default)]
struct Tally {
    total: usize,
    /// Ours differs from glibc's.
    differ: usize,
    /// glibc's differs from the reference (where there is one).
    glibc_wrong: usize,
    /// Ours differs from the reference: must stay empty.
    ours_wrong: Vec<String>,
}

impl Tally {
    fn report(&self, what: &str) {
        eprintln!(
            "{what}: {} of {} differ from glibc ({:.4}%), glibc not correctly rounded in {}",
            self.differ,
            self.total,
            100.0 * self.differ as f64 / self.total as f64,
            self.glibc_wrong,
        );
    }
}

/// The first twenty failures, and how many there are.
fn first_lines(failures: &[String]) -> String {
    let shown: Vec<&str> = failures.iter().take(20).map(String::as_str).collect();
    format!("{} failures:\n{}", failures.len(), shown.join("\n"))
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits()
}

#[test]
fn trigonometric_functions_are_correctly_rounded_and_agree_with_glibc() {
    let n = samples();
    let mut failures = Vec::new();
    for (name, theirs, mine) in CORRECTLY_ROUNDED {
        let mut all = Tally::default();
        for (i, range) in RANGES.into_iter().enumerate() {
            let mut rng = Rng(1000 + i as u64);
            let mut t = Tally::default();
            for _ in 0..n {
                let mut x = rng.draw(range);
                if name.starts_with('a') && name != "atan" && x.abs() > 1.0 {
                    x = 1.0 / x;
                }
                // SAFETY: glibc's math functions have no preconditions.
                let g = unsafe { theirs(x) };
                let o = mine(x);
                t.total += 1;
                t.differ += usize::from(!same(g, o));
                if let Some(r) = reference(name, x, 0.0) {
                    t.glibc_wrong += usize::from(!same(g, r));
                    if !same(o, r) {
                        t.ours_wrong
                            .push(format!("{name}({x:e}): ours {o:e}, exact {r:e}"));
                    }
                }
            }
            t.report(&format!("{name} {range:?}"));
            all.total += t.total;
            all.differ += t.differ;
            all.glibc_wrong += t.glibc_wrong;
            failures.extend(t.ours_wrong);
        }
        all.report(&format!("{name} overall"));
        if all.differ * 200 > all.total {
            failures.push(format!(
                "{name}: {} of {} differ from glibc",
                all.differ, all.total
            ));
        }
    }
    assert!(failures.is_empty(), "{}", first_lines(&failures));
}

#[test]
fn atan2_is_correctly_rounded_and_agrees_with_glibc() {
    let n = samples();
    let mut failures = Vec::new();
    let mut all = Tally::default();
    let pairs = [
        (Range::Unit, Range::Unit),
        (Range::Within(100.0), Range::Within(100.0)),
        (Range::Huge, Range::Huge),
        (Range::Special, Range::Special),
        (Range::Tiny, Range::Within(1e6)),
    ];
    for (i, (ry, rx)) in pairs.into_iter().enumerate() {
        let mut rng = Rng(2000 + i as u64);
        let mut t = Tally::default();
        for _ in 0..n {
            let (y, x) = (rng.draw(ry), rng.draw(rx));
            // SAFETY: glibc's math functions have no preconditions.
            let g = unsafe { glibc::atan2(y, x) };
            let o = ours::atan2(y, x);
            t.total += 1;
            t.differ += usize::from(!same(g, o));
            if let Some(r) = reference("atan2", y, x) {
                t.glibc_wrong += usize::from(!same(g, r));
                if !same(o, r) {
                    failures.push(format!("atan2({y:e}, {x:e}): ours {o:e}, exact {r:e}"));
                }
            }
        }
        t.report(&format!("atan2 {ry:?} {rx:?}"));
        all.total += t.total;
        all.differ += t.differ;
        all.glibc_wrong += t.glibc_wrong;
    }
    all.report("atan2 overall");
    assert!(all.differ * 200 < all.total, "atan2: too many differ");
    assert!(failures.is_empty(), "{}", first_lines(&failures));
}

/// Whether glibc runs its FMA build of expm1 here (what hyperbolic.rs reproduces).
fn glibc_uses_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    return std::arch::is_x86_feature_detected!("fma")
        && std::arch::is_x86_feature_detected!("avx2");
    #[cfg(not(target_arch = "x86_64"))]
    false
}

#[test]
fn expm1_gives_glibc_bits() {
    let n = samples();
    let mut differ = Vec::new();
    let mut total = 0;
    for (i, range) in [
        Range::Special,
        Range::Tiny,
        Range::Unit,
        Range::Within(40.0),
        Range::Within(720.0),
    ]
    .into_iter()
    .enumerate()
    {
        let mut rng = Rng(3000 + i as u64);
        for _ in 0..n {
            let x = rng.draw(range);
            // SAFETY: glibc's math functions have no preconditions.
            let g = unsafe { glibc::expm1(x) };
            total += 1;
            if !same(g, hyperbolic::expm1(x)) {
                differ.push(format!(
                    "expm1({x:e}): glibc {g:e}, ours {:e}",
                    hyperbolic::expm1(x)
                ));
            }
        }
    }
    eprintln!("expm1: {} of {total} differ from glibc", differ.len());
    if glibc_uses_fma() {
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    } else {
        // Without FMA glibc runs its other build, which rounds a few cases differently.
        assert!(differ.len() * 200 < total, "{}", differ.join("\n"));
    }
}

#[test]
fn hyperbolic_functions_agree_with_glibc_but_where_its_exp_misrounds() {
    let n = samples();
    let functions: [Unary; 3] = [
        ("sinh", glibc::sinh, ours::sinh),
        ("cosh", glibc::cosh, ours::cosh),
        ("tanh", glibc::tanh, ours::tanh),
    ];
    let mut failures = Vec::new();
    for (name, theirs, mine) in functions {
        let (mut total, mut differ) = (0, 0);
        for (i, range) in [
            Range::Special,
            Range::Tiny,
            Range::Unit,
            Range::Within(30.0),
            Range::Within(720.0),
        ]
        .into_iter()
        .enumerate()
        {
            let mut rng = Rng(4000 + i as u64);
            let mut d = 0;
            for _ in 0..n {
                let x = rng.draw(range);
                // SAFETY: glibc's math functions have no preconditions.
                d += usize::from(!same(unsafe { theirs(x) }, mine(x)));
            }
            eprintln!("{name} {range:?}: {d} of {n} differ from glibc");
            total += n;
            differ += d;
        }
        eprintln!("{name} overall: {differ} of {total} differ from glibc");
        // exp's misrounded cases (about 1 in 1000 of the arguments that reach exp).
        if differ * 500 > total {
            failures.push(format!("{name}: {differ} of {total} differ"));
        }
    }
    assert!(failures.is_empty(), "{}", first_lines(&failures));
}
