//! The encoding of external-table keys.
//!
//! Hosts keep keys as text (seed hosts decode them as UTF-8 and list them separated by
//! newlines), yet a Lua key may be any string, an integer, a float, a boolean or a table.
//! So an ordinary string key is stored as itself (`_home.counter` is the key `counter`),
//! and every other key is written as [`ESCAPE`] (byte 0x01), a type letter and ASCII text:
//!
//! | Lua key                                   | stored key                         |
//! |-------------------------------------------|------------------------------------|
//! | string: non-empty valid UTF-8 without `\n`, NUL or a leading 0x01 | itself     |
//! | any other string                          | `\x01s` + percent-escaped bytes    |
//! | integer (and floats with an integer value, as Lua normalizes them) | `\x01i` + decimal |
//! | other float (never NaN)                   | `\x01f` + shortest round-trip text |
//! | boolean                                   | `\x01b1` or `\x01b0`               |
//! | external table                            | `\x01t` + decimal table id         |
//!
//! Every stored key is therefore valid UTF-8, non-empty, free of newlines and NULs, and
//! distinct for distinct Lua keys; escaped strings use `%XX` for bytes below 0x20, `%`,
//! 0x7f and all bytes from 0x80.
//!
//! Floats are spelled and read by `lua_wasm_decimal::exponential`, which writes exactly what
//! Rust's `format!("{x:e}")` writes (the fewest digits that read back: `1.5e0`, `1e300`,
//! `-2.5e-7`, `5e-324`, `inf`), without linking `core`'s float formatting and parsing into
//! lua.wasm. Keys stored when `{:e}` itself spelled them are read and written unchanged.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt::Write as _;

use lua_wasm_decimal::exponential;

/// First byte of every key that is not an ordinary string.
pub const ESCAPE: u8 = 0x01;

/// A decoded key.
#[derive(Debug, Clone, PartialEq)]
pub enum Key<'a> {
    String(Cow<'a, [u8]>),
    Integer(i64),
    /// A float without an integer value (never NaN).
    Float(f64),
    Boolean(bool),
    /// An external table used as a key.
    TableRef(u32),
}

/// Why bytes are not a key this encoding produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError;

impl core::fmt::Display for KeyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("malformed external-table key")
    }
}

impl core::error::Error for KeyError {}

/// True when `s` is stored as itself.
fn is_plain(s: &[u8]) -> bool {
    !s.is_empty()
        && s[0] != ESCAPE
        && !s.contains(&b'\n')
        && !s.contains(&0)
        && core::str::from_utf8(s).is_ok()
}

fn needs_percent(b: u8) -> bool {
    b < 0x20 || b == b'%' || b >= 0x7f
}

struct VecWriter<'a>(&'a mut Vec<u8>);

impl core::fmt::Write for VecWriter<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Appends the stored form of `key` to `out`.
pub fn encode(key: &Key<'_>, out: &mut Vec<u8>) {
    let mut w = VecWriter(out);
    // Writing to a Vec cannot fail.
    let _ = match key {
        Key::String(s) if is_plain(s) => {
            w.0.extend_from_slice(s);
            Ok(())
        }
        Key::String(s) => {
            w.0.extend_from_slice(&[ESCAPE, b's']);
            for &b in s.iter() {
                if needs_percent(b) {
                    let _ = write!(w, "%{b:02X}");
                } else {
                    w.0.push(b);
                }
            }
            Ok(())
        }
        Key::Integer(i) => write!(w, "\x01i{i}"),
        Key::Float(x) => {
            w.0.extend_from_slice(&[ESCAPE, b'f']);
            w.0.extend_from_slice(exponential::shortest(*x).as_bytes());
            Ok(())
        }
        Key::Boolean(b) => write!(w, "\x01b{}", *b as u8),
        Key::TableRef(id) => write!(w, "\x01t{id}"),
    };
}

/// Decodes a stored key.
///
/// Only the bytes [`encode`] writes are a key: a stored key in another spelling of the
/// same value (`\x01i007`, `\x01s%4a` for `J`, `\x01f9e0` for the float 9, which Lua
/// turns into the integer key 9) is refused, since Lua would read and write that key
/// under its own spelling, elsewhere in the table.
pub fn decode(bytes: &[u8]) -> Result<Key<'_>, KeyError> {
    if bytes.first() != Some(&ESCAPE) {
        return if is_plain(bytes) {
            Ok(Key::String(Cow::Borrowed(bytes)))
        } else {
            Err(KeyError)
        };
    }
    let key = decode_escaped(bytes)?;
    let mut canonical = Vec::with_capacity(bytes.len());
    encode(&key, &mut canonical);
    match key {
        _ if canonical != bytes => Err(KeyError),
        Key::Float(x) if is_lua_integer(x) => Err(KeyError),
        key => Ok(key),
    }
}

/// True for the floats Lua turns into integer keys: integral values in `i64`'s range.
fn is_lua_integer(x: f64) -> bool {
    (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) && x as i64 as f64 == x
}

/// Decodes a key that starts with [`ESCAPE`], in any spelling.
fn decode_escaped(bytes: &[u8]) -> Result<Key<'_>, KeyError> {
    let (kind, body) = match bytes.get(1) {
        Some(&k) => (k, &bytes[2..]),
        None => return Err(KeyError),
    };
    let text = core::str::from_utf8(body).map_err(|_| KeyError)?;
    match kind {
        b's' => unescape(body).map(|s| Key::String(Cow::Owned(s))),
        b'i' => text.parse().map(Key::Integer).map_err(|_| KeyError),
        // Never NaN: exponential notation has no spelling for it.
        b'f' => exponential::parse(text).map(Key::Float).ok_or(KeyError),
        b'b' => match text {
            "1" => Ok(Key::Boolean(true)),
            "0" => Ok(Key::Boolean(false)),
            _ => Err(KeyError),
        },
        b't' => text.parse().map(Key::TableRef).map_err(|_| KeyError),
        _ => Err(KeyError),
    }
}

fn unescape(body: &[u8]) -> Result<Vec<u8>, KeyError> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'%' {
            let hex = body.get(i + 1..i + 3).ok_or(KeyError)?;
            let hex = core::str::from_utf8(hex).map_err(|_| KeyError)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| KeyError)?);
            i += 3;
        } else {
            out.push(body[i]);
            i += 1;
        }
    }
    Ok(out)
}

/// Splits the answer of `js_ext_table_keys` into stored keys. Keys are separated by
/// `\n`; empty pieces (a trailing newline, as some hosts write) are skipped, which is
/// safe because no stored key is empty.
pub fn split_list(list: &[u8]) -> impl Iterator<Item = &[u8]> {
    list.split(|&b| b == b'\n').filter(|k| !k.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn stored(key: Key<'_>) -> Vec<u8> {
        let mut out = Vec::new();
        encode(&key, &mut out);
        out
    }

    fn round_trip(key: Key<'_>) {
        let bytes = stored(key.clone());
        assert_eq!(decode(&bytes).unwrap(), key, "stored as {bytes:?}");
        assert!(core::str::from_utf8(&bytes).is_ok() && !bytes.contains(&b'\n'));
    }

    #[test]
    fn ordinary_string_keys_are_stored_as_themselves() {
        assert_eq!(stored(Key::String(Cow::Borrowed(b"counter"))), b"counter");
        assert_eq!(
            stored(Key::String(Cow::Borrowed("héllo".as_bytes()))),
            "héllo".as_bytes()
        );
    }

    #[test]
    fn keys_of_every_type_round_trip() {
        round_trip(Key::String(Cow::Borrowed(b"plain")));
        round_trip(Key::String(Cow::Owned(vec![])));
        round_trip(Key::String(Cow::Owned(b"two\nlines".to_vec())));
        round_trip(Key::String(Cow::Owned(vec![0, 1, 0x80, 0xff, b'%'])));
        round_trip(Key::String(Cow::Owned(b"\x01i5".to_vec())));
        round_trip(Key::Integer(i64::MIN));
        round_trip(Key::Integer(42));
        round_trip(Key::Float(0.1));
        round_trip(Key::Float(f64::INFINITY));
        round_trip(Key::Float(-5e-324));
        round_trip(Key::Boolean(true));
        round_trip(Key::Boolean(false));
        round_trip(Key::TableRef(9));
    }

    #[test]
    fn keys_of_different_lua_values_never_collide() {
        let keys = [
            stored(Key::String(Cow::Borrowed(b"1"))),
            stored(Key::Integer(1)),
            stored(Key::Float(1.5)),
            stored(Key::Boolean(true)),
            stored(Key::TableRef(1)),
            stored(Key::String(Cow::Owned(b"\x01i1".to_vec()))),
        ];
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn malformed_stored_keys_are_errors() {
        for bad in [
            &b""[..],
            b"\x01",
            b"\x01x1",
            b"\x01inope",
            b"\x01s%4",
            b"\x01fNaN",
            b"\x01fnan",
            b"\x01f",
            b"\x01f1.5e",
            b"\x01f 1.5e0",
            b"a\nb",
        ] {
            assert_eq!(decode(bad), Err(KeyError), "{bad:?}");
        }
    }

    #[test]
    fn stored_keys_in_another_spelling_of_a_key_are_errors() {
        for bad in [
            &b"\x01i007"[..],
            b"\x01i+7",
            b"\x01s%4a",
            b"\x01s%+1",
            b"\x01sJ",
            b"\x01f1.5",
            b"\x01f9",
            b"\x01f9e0",
            b"\x01f-0e0",
            b"\x01f1.50e0",
            b"\x01f+1.5e0",
            b"\x01f1.5E0",
            b"\x01f1.5e+0",
            b"\x01f1.5e00",
            b"\x01f01.5e0",
            b"\x01f15e-1",
            b"\x01f0.15e1",
            b"\x01f1.5000000000000001e0",
            b"\x01finfinity",
            b"\x01f+inf",
            b"\x01t07",
        ] {
            assert_eq!(decode(bad), Err(KeyError), "{bad:?}");
        }
        // Floats beyond the integers stay floats, as in Lua.
        assert_eq!(
            decode(b"\x01f9.223372036854776e18"),
            Ok(Key::Float(9.223372036854776e18))
        );
    }

    #[test]
    fn float_keys_are_spelled_as_rust_s_exponential_format_spells_them() {
        for (x, text) in [
            (1.5, "1.5e0"),
            (0.1, "1e-1"),
            (1e300, "1e300"),
            (-2.5e-7, "-2.5e-7"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e308"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            // The spelling keys had when `{:e}` wrote them.
            assert_eq!(alloc::format!("{x:e}"), text);
            assert_eq!(stored(Key::Float(x)), [b"\x01f", text.as_bytes()].concat());
        }
    }

    #[test]
    fn float_keys_of_every_magnitude_round_trip_in_rust_s_spelling() {
        // xorshift64: random bit patterns, the same on every run.
        let mut bits = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            let x = f64::from_bits(bits);
            if x.is_nan() || is_lua_integer(x) {
                continue;
            }
            let key = stored(Key::Float(x));
            assert_eq!(key, alloc::format!("\x01f{x:e}").into_bytes());
            round_trip(Key::Float(x));
        }
    }

    #[test]
    fn key_lists_split_on_newlines_with_or_without_a_trailing_one() {
        let joined: Vec<&[u8]> = split_list(b"a\nb").collect();
        let trailing: Vec<&[u8]> = split_list(b"a\nb\n").collect();
        assert_eq!(joined, trailing);
        assert_eq!(joined, vec![&b"a"[..], b"b"]);
    }
}
