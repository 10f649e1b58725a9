//! The Rust half of lua.wasm's freestanding C library: what the Lua C sources need and
//! wasm32-unknown-unknown lacks.
//!
//! The C half (variadic `snprintf`, the `setjmp`/`longjmp` runtime and its exception tag,
//! strings, stdio routed to the host) lives beside the guest (`crates/guest/csrc`), and
//! `time`/`clock`, which ask the host, in the guest itself (`clock.rs`). Everything here
//! is exported under its C name only when building for wasm32: natively these modules
//! are tested against glibc (`tests/*_vs_glibc.rs`) and must not shadow it.
#![cfg_attr(target_arch = "wasm32", no_std)]

pub mod dd;
pub mod exp_log;
pub mod fmt;
pub mod fx;
pub mod hyperbolic;
pub mod math;
pub mod strtod;
pub mod time;
pub mod trig;
