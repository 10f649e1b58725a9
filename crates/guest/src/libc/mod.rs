//! The freestanding libc layer: what the Lua C sources need and wasm32-unknown-unknown lacks.
//!
//! Variadic entry points (`snprintf`) and the exception tag live in C (`csrc/`); the rest
//! is here, exported under its C name only when building for wasm32 (natively these
//! modules are tested against glibc and must not shadow it).

pub mod dd;
pub mod exp_log;
pub mod fmt;
pub mod fx;
pub mod hyperbolic;
pub mod math;
pub mod strtod;
pub mod time;
pub mod trig;

#[cfg(target_arch = "wasm32")]
pub mod clock;
