//! `<math.h>` for the C side, giving glibc's bits: `exp`, `log`, `log2`, `log10` and `pow`
//! (exp_log.rs) and `sin`, `cos`, `tan`, `asin`, `acos`, `atan`, `atan2` (trig.rs) correctly
//! rounded, as glibc's are in all but a few cases in a thousand; `sinh`, `cosh` and `tanh`
//! by glibc's own formulas (hyperbolic.rs); the rest by the `libm` crate (a port of musl's
//! libm), which is also left the special cases of exp_log.rs. Exported under the C names
//! on wasm32.
//!
//! Where glibc and libm agree on what a special case means but not on the bits of the
//! NaN they return, the wrappers below give glibc's bits: native Lua prints the sign of
//! a NaN (`nan` or `-nan`), so `math.asin(2)` must print what it prints on glibc. The
//! cases were found by comparing both over NaNs of either sign, infinities, zeros and
//! out-of-domain arguments (tests/math_vs_glibc.rs).

macro_rules! export_unary {
    ($($name:ident),* $(,)?) => {$(
        #[cfg_attr(target_arch = "wasm32", no_mangle)]
        pub extern "C" fn $name(x: f64) -> f64 {
            libm::$name(x)
        }
    )*};
}

export_unary!(floor, ceil, fabs, sqrt);

/// Functions computed by `$module` where it can (it answers `None` for special and extreme
/// arguments), by libm otherwise; NaNs come back quieted, as glibc returns them (libm
/// returns some unchanged).
macro_rules! export_rounded {
    ($module:ident: $($name:ident),* $(,)?) => {$(
        #[cfg_attr(target_arch = "wasm32", no_mangle)]
        pub extern "C" fn $name(x: f64) -> f64 {
            if x.is_nan() {
                return quiet(x);
            }
            super::$module::$name(x).unwrap_or_else(|| libm::$name(x))
        }
    )*};
}

export_rounded!(exp_log: exp, log, log2);

/// Functions computed by `$module` for every argument but NaNs, which come back quieted,
/// with their sign.
macro_rules! export_ours {
    ($module:ident: $($name:ident),* $(,)?) => {$(
        #[cfg_attr(target_arch = "wasm32", no_mangle)]
        pub extern "C" fn $name(x: f64) -> f64 {
            if x.is_nan() {
                return quiet(x);
            }
            super::$module::$name(x)
        }
    )*};
}

export_ours!(trig: sin, cos, tan, atan);
export_ours!(hyperbolic: sinh, cosh, tanh);

/// The NaN glibc returns for a domain error it reports through `__kernel_standard`
/// (`asin(2)`, `log10(-1)`): a positive quiet NaN, whatever the argument's sign.
const DOMAIN_NAN: f64 = f64::from_bits(0x7ff8_0000_0000_0000);

/// `x` with its quiet bit set, as an arithmetic operation on a signaling NaN returns it.
fn quiet(x: f64) -> f64 {
    f64::from_bits(x.to_bits() | 0x0008_0000_0000_0000)
}

fn is_signaling(x: f64) -> bool {
    x.is_nan() && x.to_bits() & 0x0008_0000_0000_0000 == 0
}

/// Whether `y` is an odd integer.
fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && libm::fmod(y, 2.0).abs() == 1.0
}

/// `asin(x)`; `|x| > 1` is a domain error.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn asin(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    if x.abs() > 1.0 {
        return DOMAIN_NAN;
    }
    super::trig::asin(x)
}

/// `acos(x)`; `|x| > 1` is a domain error.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn acos(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    if x.abs() > 1.0 {
        return DOMAIN_NAN;
    }
    super::trig::acos(x)
}

/// `log10(x)`; `x < 0` is a domain error (unlike `log`, whose NaN glibc computes).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn log10(x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    if x < 0.0 {
        return DOMAIN_NAN;
    }
    super::exp_log::log10(x).unwrap_or_else(|| libm::log10(x))
}

#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn fmod(x: f64, y: f64) -> f64 {
    libm::fmod(x, y)
}

/// `pow(x, y)`. For a NaN `x`, glibc squares it and negates it for an odd integer `y`
/// (so the sign of `-nan` flips); `pow(x, 0)` and `pow(1, y)` are 1 except for a
/// signaling NaN, which becomes quiet.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 {
        return if is_signaling(x) { quiet(x) } else { 1.0 };
    }
    if x == 1.0 {
        return if is_signaling(y) { quiet(y) } else { 1.0 };
    }
    if x.is_nan() {
        let q = quiet(x);
        return if x.is_sign_negative() && is_odd_integer(y) {
            -q
        } else {
            q
        };
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && libm::floor(y) == y {
        // A negative base to an integer power: the sign by the parity of y.
        if let Some(r) = super::exp_log::pow_positive(-x, y) {
            return if is_odd_integer(y) { -r } else { r };
        }
    }
    super::exp_log::pow_positive(x, y).unwrap_or_else(|| libm::pow(x, y))
}

/// `atan2(y, x)`; glibc returns `x + y` for a NaN, which is `x` when both are NaN.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() {
        return quiet(x);
    }
    if y.is_nan() {
        return quiet(y);
    }
    super::trig::atan2(y, x)
}

/// # Safety
/// `e` points to a writable int.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn frexp(x: f64, e: *mut i32) -> f64 {
    let (m, exp) = libm::frexp(x);
    // SAFETY: guaranteed by the caller.
    unsafe { *e = exp };
    m
}

#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn ldexp(x: f64, e: i32) -> f64 {
    libm::ldexp(x, e)
}
