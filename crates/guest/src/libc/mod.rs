//! The freestanding libc layer: what the Lua C sources need and wasm32-unknown-unknown lacks.
//!
//! Variadic entry points (`snprintf`) live in C (`csrc/`); everything that can be written in
//! Rust is here, exported under its C name only when building for wasm32.

pub mod fmt;
pub mod strtod;
