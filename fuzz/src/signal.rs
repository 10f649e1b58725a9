//! Coverage features from outcomes.
//!
//! libFuzzer keeps an input when it reaches new coverage, but it sees only the coverage
//! of native code (the host, wasmtime): the Lua interpreter runs inside lua.wasm, as
//! code compiled by wasmtime, which no instrumentation reaches. So the targets also mark
//! *what happened* (the shape of the error message, the kinds of values returned) in an
//! array of counters that libFuzzer reads as extra coverage (its
//! `__libfuzzer_extra_counters` section): an input that makes Lua say something new is
//! kept, which steers the fuzzer through the parser and the libraries.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU8, Ordering};

const COUNTERS: usize = 1 << 14;

#[used]
#[link_section = "__libfuzzer_extra_counters"]
static EXTRA: [AtomicU8; COUNTERS] = [const { AtomicU8::new(0) }; COUNTERS];

/// Marks `feature` as reached by the current input.
pub fn mark(feature: impl Hash) {
    let mut h = DefaultHasher::new();
    feature.hash(&mut h);
    let slot = &EXTRA[(h.finish() as usize) % COUNTERS];
    slot.fetch_add(1, Ordering::Relaxed);
}
