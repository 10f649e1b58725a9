//! What each fuzz target promises, as functions that run one input and panic when lua.wasm
//! or the host breaks a promise. The fuzz targets (fuzz/fuzz_targets/) call them under
//! libFuzzer; the normal test suite (tests/fuzz_regressions.rs, which includes this file)
//! calls them on the committed seeds and on every input that ever failed.
//!
//! The promises:
//! - `check_compute`: any bytes given to `compute` as Lua source end in a result, a Lua
//!   error, a timeout or the host's per-call limits, never another trap or a broken
//!   result; and the VM runs the next call.
//! - `check_value_decoder`: any bytes given to the value and key decoders are decoded or
//!   refused, never a panic; what is decoded re-encodes to the same bytes.
//! - `check_home_values`: any bytes stored in the table store, read back through `_home`
//!   (pairs, `#`, indexing, nested tables, new tables), give values or a Lua error, never
//!   a trap; and the VM runs the next call.
//!
//! This file uses only `std`, `lua_wasm_abi` and `lua_wasm_host`, so that both crates can
//! compile it.

use std::sync::Arc;
use std::time::Duration;

use lua_wasm_abi::key;
use lua_wasm_abi::value::{self, Value};
use lua_wasm_host::{Engine, Error, MemoryStore, RawOutcome, TableStoreExt, Vm, VmOptions};

/// How a call ended, coarsely: the fuzz targets turn it into coverage features, so that
/// an input that reaches a new kind of outcome is kept even though libFuzzer cannot see
/// the coverage of code inside lua.wasm.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// No output and no values.
    Nothing,
    /// A result: how much output, and the tags of the values.
    Result { output: usize, tags: Vec<u8> },
    /// A Lua error, with its message stripped of positions, names and numbers.
    LuaError(String),
    /// The deadline passed (the VM replaced its instance).
    Timeout,
    /// The call printed or wrote more than the host keeps for one call (the VM replaced
    /// its instance, as after a timeout).
    HostLimit,
    /// The code was longer than the I/O buffer.
    TooLarge,
}

/// The limits a fuzzed call runs under: small enough that libFuzzer spends its time on
/// many inputs rather than on one endless loop.
pub fn fuzz_options() -> VmOptions {
    VmOptions::default()
        .instruction_budget(Some(2_000_000))
        .timeout(Some(Duration::from_millis(250)))
}

/// Runs `source` as a chunk in a fresh VM; panics unless it ends in a result, a Lua error
/// or a timeout and the VM then runs another call.
pub fn check_compute(engine: &Engine, source: &[u8]) -> Outcome {
    let mut vm = Vm::with_options(engine, Arc::new(MemoryStore::new()), fuzz_options())
        .expect("a VM starts");
    let outcome = outcome_of(vm.compute_raw(source), source);
    assert_usable(&mut vm, source);
    outcome
}

/// Classifies what `compute_raw` gave; panics on a host or module failure.
fn outcome_of(raw: lua_wasm_host::Result<RawOutcome>, input: &[u8]) -> Outcome {
    match raw {
        Ok(RawOutcome::Nothing) => Outcome::Nothing,
        Ok(RawOutcome::Result(bytes)) => {
            let output = lua_wasm_abi::output_len(&bytes)
                .filter(|&n| n + 4 <= bytes.len())
                .unwrap_or_else(|| panic!("result without a valid output length: {bytes:?}"));
            let values = value::decode_all(&bytes[4 + output..])
                .unwrap_or_else(|e| panic!("result with undecodable values ({e}): {bytes:?}"));
            let tags = values.iter().map(tag_of).collect();
            Outcome::Result { output, tags }
        }
        Ok(RawOutcome::Error(message)) => {
            assert!(!message.is_empty(), "an empty error message");
            Outcome::LuaError(shape(&String::from_utf8_lossy(&message)))
        }
        Err(Error::Timeout { .. }) => Outcome::Timeout,
        Err(Error::Module(m)) if m.contains("more than 64 MiB") => Outcome::HostLimit,
        Err(Error::CodeTooLarge { .. }) if input.len() > lua_wasm_abi::BUFFER_SIZE => {
            Outcome::TooLarge
        }
        Err(e) => panic!(
            "input {:?} made the host fail instead of Lua: {e:?}",
            String::from_utf8_lossy(input)
        ),
    }
}

/// The VM still runs code after whatever `input` did.
fn assert_usable(vm: &mut Vm, input: &[u8]) {
    match vm.run("return 1 + 1") {
        Ok(e) => assert_eq!(e.values, [Value::Integer(2)], "after {input:?}"),
        Err(e) => panic!(
            "the VM is unusable after {:?}: {e:?}",
            String::from_utf8_lossy(input)
        ),
    }
}

fn tag_of(v: &Value) -> u8 {
    match v {
        Value::Nil => value::NIL,
        Value::Boolean(_) => value::BOOLEAN,
        Value::Integer(_) => value::INTEGER,
        Value::Float(_) => value::FLOAT,
        Value::String(_) => value::STRING,
        Value::Table(_) => value::TABLE,
        Value::TableRef(_) => value::TABLE_REF,
        Value::Opaque(_) => value::OPAQUE,
    }
}

/// The first line of an error message without its position, quoted names and numbers:
/// `[string "x"]:1: attempt to index a nil value (global 'x')` becomes
/// `attempt to index a nil value (global )`.
fn shape(message: &str) -> String {
    let line = message.lines().next().unwrap_or("");
    let line = match line.rfind("]:") {
        Some(at) => {
            line[at + 2..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == ' ')
        }
        None => line,
    };
    let mut out = String::new();
    let mut quoted = false;
    for c in line.chars().take(120) {
        match c {
            '\'' | '"' => quoted = !quoted,
            _ if quoted || c.is_ascii_digit() => {}
            _ => out.push(c),
        }
    }
    out
}

/// Decodes `bytes` as values and as a key; panics if a decoder panics or if what it
/// accepts does not re-encode to the bytes it came from.
pub fn check_value_decoder(bytes: &[u8]) {
    if let Ok(values) = value::decode_all(bytes) {
        let mut again = Vec::new();
        values.iter().for_each(|v| value::encode(v, &mut again));
        if !values.iter().any(has_opaque) {
            assert_eq!(again, bytes, "decode_all then encode changed the bytes");
        }
        // Opaque text is decoded lossily (invalid UTF-8 becomes U+FFFD): once decoded,
        // the values are stable.
        let twice = value::decode_all(&again).expect("re-encoded values decode");
        let mut thrice = Vec::new();
        twice.iter().for_each(|v| value::encode(v, &mut thrice));
        assert_eq!(thrice, again, "encoding is not stable");
    }
    if let Ok((v, used)) = value::decode(bytes) {
        assert!(used <= bytes.len() && used > 0, "decode used {used} bytes");
        if !has_opaque(&v) {
            let mut again = Vec::new();
            value::encode(&v, &mut again);
            assert_eq!(
                again,
                &bytes[..used],
                "decode then encode changed the bytes"
            );
        }
    }
    if let Ok(k) = key::decode(bytes) {
        if let key::Key::Float(x) = k {
            let in_range = (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x);
            assert!(
                !(in_range && x as i64 as f64 == x),
                "the float key {x} is an integer key in Lua"
            );
        }
        let mut again = Vec::new();
        key::encode(&k, &mut again);
        assert_eq!(
            again, bytes,
            "the key {k:?} is stored as {again:?}, so the stored key {bytes:?} must not decode to it"
        );
    }
    let _ = lua_wasm_abi::output_len(bytes);
    let _ = key::split_list(bytes).count();
}

fn has_opaque(v: &Value) -> bool {
    match v {
        Value::Opaque(_) => true,
        Value::Table(pairs) => pairs.iter().any(|(k, v)| has_opaque(k) || has_opaque(v)),
        _ => false,
    }
}

/// One entry of a `home_values` input: bytes stored under a key of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub table: u32,
    pub key: Vec<u8>,
    pub value: Vec<u8>,
}

/// Splits a `home_values` input into entries: each is a table byte (0 to 3 name tables
/// 0 to 3, others name table 1), a key length byte and the key, a little-endian u16
/// value length and the value. An incomplete last entry is dropped.
pub fn entries(mut input: &[u8]) -> Vec<Entry> {
    let mut entries = Vec::new();
    while let Some((&table, rest)) = input.split_first() {
        let Some((&key_len, rest)) = rest.split_first() else {
            break;
        };
        let Some((key, rest)) = rest.split_at_checked(key_len as usize) else {
            break;
        };
        let Some((len, rest)) = rest.split_at_checked(2) else {
            break;
        };
        let len = u16::from_le_bytes([len[0], len[1]]) as usize;
        let Some((val, rest)) = rest.split_at_checked(len) else {
            break;
        };
        entries.push(Entry {
            table: if table <= 3 { table as u32 } else { 1 },
            key: key.to_vec(),
            value: val.to_vec(),
        });
        input = rest;
    }
    entries
}

/// The inverse of [`entries`], for writing seeds.
pub fn input_of(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        out.push(e.table as u8);
        out.push(e.key.len() as u8);
        out.extend_from_slice(&e.key);
        out.extend_from_slice(&(e.value.len() as u16).to_le_bytes());
        out.extend_from_slice(&e.value);
    }
    out
}

/// Lua chunks that read `_home` every way a script can; each runs in the same VM.
pub const HOME_READERS: &[&str] = &[
    // Walk everything reachable, a few levels deep (stored tables may form cycles).
    "local n = 0
     local function walk(t, depth)
       for k, v in pairs(t) do
         n = n + 1
         if type(v) == 'table' and depth < 4 then walk(v, depth + 1) end
       end
     end
     walk(_home, 0)
     return n",
    "local n = 0 for i, v in ipairs(_home) do n = n + 1 end return n, #_home",
    "local k, v = next(_home) return k, v",
    "return _home[1], _home.a, _home[true], _home[1.5], _home['']",
    "return _home",
    "local t = {} for k, v in pairs(_home) do t[#t + 1] = tostring(k) .. '=' .. tostring(v) end
     table.sort(t) return table.concat(t, ',')",
    // Writing needs the id counter of table 0, which may be damaged too.
    "_home.fresh = {1, {2}} return _home.fresh[2][1]",
    "for k in pairs(_home) do _home[k] = nil end return #_home",
];

/// Stores the input's entries in a fresh store, then runs every reader of
/// [`HOME_READERS`] in one VM over it; panics unless each ends in values or a Lua error
/// and the VM then runs another call.
pub fn check_home_values(engine: &Engine, input: &[u8]) -> Vec<Outcome> {
    let store = Arc::new(MemoryStore::new());
    for e in entries(input) {
        store
            .set(e.table, &e.key, &e.value)
            .expect("the memory store stores bytes");
    }
    let mut vm = Vm::with_options(engine, store, fuzz_options()).expect("a VM starts");
    let outcomes = HOME_READERS
        .iter()
        .map(|code| outcome_of(vm.compute_raw(code.as_bytes()), input))
        .collect();
    assert_usable(&mut vm, input);
    outcomes
}
