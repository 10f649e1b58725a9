//! `<math.h>` for the C side, implemented by the `libm` crate (a port of musl's libm, the
//! same algorithms glibc uses for exp, log and pow). Exported under the C names on wasm32.

macro_rules! export_unary {
    ($($name:ident),* $(,)?) => {$(
        #[cfg_attr(target_arch = "wasm32", no_mangle)]
        pub extern "C" fn $name(x: f64) -> f64 {
            libm::$name(x)
        }
    )*};
}

macro_rules! export_binary {
    ($($name:ident),* $(,)?) => {$(
        #[cfg_attr(target_arch = "wasm32", no_mangle)]
        pub extern "C" fn $name(x: f64, y: f64) -> f64 {
            libm::$name(x, y)
        }
    )*};
}

export_unary!(floor, ceil, fabs, sqrt, exp, log, log2, log10, sin, cos, tan, asin, acos, atan);
export_unary!(sinh, cosh, tanh);
export_binary!(fmod, pow, atan2);

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
