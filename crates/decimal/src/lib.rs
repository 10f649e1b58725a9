//! Exact conversions between binary64 and decimal text, without `core::fmt`'s float code
//! (about 38 KB of lua.wasm) and with results fixed by specifications rather than by a
//! library version:
//! - [`Expansion`]: the exact decimal digits of a double, rounded half-to-even at any
//!   position, as glibc's printf rounds (`expansion.rs`);
//! - [`decimal_to_f64`]: decimal digits to the nearest double, ties to even, as glibc's
//!   `strtod` reads them, and [`binary_to_f64`], its last step (`parse.rs`);
//! - [`exponential`]: the shortest round-trip spelling, byte for byte what Rust's `{:e}`
//!   writes, and reading it back (`exponential.rs`).
//!
//! The guest's libc builds printf's `%e %f %g` and `strtod` on the first two; the key
//! encoding of `lua-wasm-abi` spells float keys with the third, so that the guest and
//! every Rust host spell them with the same code. All arithmetic is on the fixed-capacity
//! big numbers of `bignum.rs`: no allocation.
//!
//! Architecture invariant: this crate is `no_std` without `alloc`, has no dependencies and
//! no `unsafe`.
#![no_std]
#![forbid(unsafe_code)]

mod bignum;
mod expansion;
pub mod exponential;
mod parse;

pub use expansion::{Expansion, Round};
pub use parse::{binary_to_f64, decimal_to_f64};
