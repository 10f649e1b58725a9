//! The value encoding: how Lua values cross the boundary, in `compute` results and as the
//! values of external tables.
//!
//! Every value is one tag byte followed by its payload, little-endian:
//!
//! | tag  | value                    | payload                                        |
//! |------|--------------------------|------------------------------------------------|
//! | 0x00 | nil                      | none                                           |
//! | 0x01 | boolean                  | 1 byte, 0 or 1                                 |
//! | 0x02 | integer                  | i64                                            |
//! | 0x03 | float                    | f64                                            |
//! | 0x04 | string                   | u32 length, then the bytes                     |
//! | 0x05 | table (results only)     | u32 pair count, then each key and value        |
//! | 0x06 | external table reference | u32 table id                                   |
//! | 0x07 | other (results only)     | u32 length, then what `tostring` gives         |
//!
//! So an integer or a float is 9 bytes and `'Hello from Lua!'` is 5 + 15 = 20 bytes.

use alloc::string::String;
use alloc::vec::Vec;

pub const NIL: u8 = 0x00;
pub const BOOLEAN: u8 = 0x01;
pub const INTEGER: u8 = 0x02;
pub const FLOAT: u8 = 0x03;
pub const STRING: u8 = 0x04;
pub const TABLE: u8 = 0x05;
pub const TABLE_REF: u8 = 0x06;
pub const OPAQUE: u8 = 0x07;

/// Deepest nesting of inline tables a decoder accepts (and the guest produces).
pub const MAX_DEPTH: usize = 100;

/// A decoded value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Nil,
    Boolean(bool),
    Integer(i64),
    Float(f64),
    String(Vec<u8>),
    /// An inline table: its pairs in the order the guest wrote them.
    Table(Vec<(Value, Value)>),
    /// A reference to an external table (its id).
    TableRef(u32),
    /// A value with no encoding (function, thread, userdata): its `tostring` text.
    Opaque(String),
}

/// Why bytes are not a valid encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes end inside a value.
    Truncated { offset: usize },
    /// A byte where a tag should be is not one.
    UnknownTag { tag: u8, offset: usize },
    /// A boolean payload other than 0 or 1.
    BadBoolean { offset: usize },
    /// Tables nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DecodeError::Truncated { offset } => write!(f, "value truncated at byte {offset}"),
            DecodeError::UnknownTag { tag, offset } => {
                write!(f, "unknown value tag 0x{tag:02x} at byte {offset}")
            }
            DecodeError::BadBoolean { offset } => write!(f, "invalid boolean at byte {offset}"),
            DecodeError::TooDeep => write!(f, "tables nested deeper than {MAX_DEPTH}"),
        }
    }
}

impl core::error::Error for DecodeError {}

/// Appends the encoding of `value` to `out`.
pub fn encode(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Nil => out.push(NIL),
        Value::Boolean(b) => out.extend_from_slice(&[BOOLEAN, *b as u8]),
        Value::Integer(i) => {
            out.push(INTEGER);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Value::Float(x) => {
            out.push(FLOAT);
            out.extend_from_slice(&x.to_le_bytes());
        }
        Value::String(s) => encode_bytes(STRING, s, out),
        Value::Table(pairs) => {
            out.push(TABLE);
            out.extend_from_slice(&(pairs.len() as u32).to_le_bytes());
            for (k, v) in pairs {
                encode(k, out);
                encode(v, out);
            }
        }
        Value::TableRef(id) => {
            out.push(TABLE_REF);
            out.extend_from_slice(&id.to_le_bytes());
        }
        Value::Opaque(s) => encode_bytes(OPAQUE, s.as_bytes(), out),
    }
}

fn encode_bytes(tag: u8, bytes: &[u8], out: &mut Vec<u8>) {
    out.push(tag);
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Decodes one value from the start of `bytes`; returns it and the bytes it used.
pub fn decode(bytes: &[u8]) -> Result<(Value, usize), DecodeError> {
    let mut reader = Reader { bytes, pos: 0 };
    let value = reader.value(0)?;
    Ok((value, reader.pos))
}

/// Decodes a sequence of values that fills `bytes` exactly (the values of a result).
pub fn decode_all(bytes: &[u8]) -> Result<Vec<Value>, DecodeError> {
    let mut reader = Reader { bytes, pos: 0 };
    let mut values = Vec::new();
    while reader.pos < bytes.len() {
        values.push(reader.value(0)?);
    }
    Ok(values)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(DecodeError::Truncated { offset: self.pos })?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn value(&mut self, depth: usize) -> Result<Value, DecodeError> {
        let offset = self.pos;
        let tag = self.array::<1>()?[0];
        Ok(match tag {
            NIL => Value::Nil,
            BOOLEAN => match self.array::<1>()?[0] {
                0 => Value::Boolean(false),
                1 => Value::Boolean(true),
                _ => return Err(DecodeError::BadBoolean { offset: offset + 1 }),
            },
            INTEGER => Value::Integer(i64::from_le_bytes(self.array()?)),
            FLOAT => Value::Float(f64::from_le_bytes(self.array()?)),
            STRING => {
                let len = self.u32()? as usize;
                Value::String(self.take(len)?.to_vec())
            }
            TABLE => {
                if depth >= MAX_DEPTH {
                    return Err(DecodeError::TooDeep);
                }
                let count = self.u32()? as usize;
                // Each pair needs at least two bytes: never trust 'count' for the allocation.
                let mut pairs = Vec::with_capacity(count.min(self.bytes.len() / 2));
                for _ in 0..count {
                    let k = self.value(depth + 1)?;
                    let v = self.value(depth + 1)?;
                    pairs.push((k, v));
                }
                Value::Table(pairs)
            }
            TABLE_REF => Value::TableRef(self.u32()?),
            OPAQUE => {
                let len = self.u32()? as usize;
                Value::Opaque(String::from_utf8_lossy(self.take(len)?).into_owned())
            }
            _ => return Err(DecodeError::UnknownTag { tag, offset }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn round_trip(v: Value) {
        let mut out = Vec::new();
        encode(&v, &mut out);
        assert_eq!(decode(&out), Ok((v, out.len())));
    }

    #[test]
    fn seed_sizes_number_is_nine_bytes_and_hello_is_twenty() {
        let mut out = Vec::new();
        encode(&Value::Float(4.0), &mut out);
        assert_eq!(out.len(), 9);
        out.clear();
        encode(&Value::String(b"Hello from Lua!".to_vec()), &mut out);
        assert_eq!(out.len(), 20);
    }

    #[test]
    fn every_kind_of_value_round_trips() {
        round_trip(Value::Nil);
        round_trip(Value::Boolean(true));
        round_trip(Value::Integer(i64::MIN));
        round_trip(Value::Float(-0.0));
        round_trip(Value::String(vec![0, 255, b'\n']));
        round_trip(Value::TableRef(7));
        round_trip(Value::Opaque("function: 0x10".into()));
        round_trip(Value::Table(vec![(
            Value::Integer(1),
            Value::Table(vec![(Value::String(b"x".to_vec()), Value::Boolean(false))]),
        )]));
    }

    #[test]
    fn truncated_and_unknown_bytes_are_errors_not_panics() {
        assert_eq!(decode(&[]), Err(DecodeError::Truncated { offset: 0 }));
        assert_eq!(
            decode(&[INTEGER, 1, 2]),
            Err(DecodeError::Truncated { offset: 1 })
        );
        assert_eq!(
            decode(&[STRING, 255, 255, 255, 255]),
            Err(DecodeError::Truncated { offset: 5 })
        );
        assert_eq!(
            decode(&[0x42]),
            Err(DecodeError::UnknownTag {
                tag: 0x42,
                offset: 0
            })
        );
        assert_eq!(
            decode(&[BOOLEAN, 2]),
            Err(DecodeError::BadBoolean { offset: 1 })
        );
        assert_eq!(
            decode(&[TABLE, 255, 255, 255, 255]),
            Err(DecodeError::Truncated { offset: 5 })
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused() {
        let mut bytes = Vec::new();
        for _ in 0..=MAX_DEPTH {
            bytes.extend_from_slice(&[TABLE, 1, 0, 0, 0, NIL]);
        }
        assert_eq!(decode(&bytes), Err(DecodeError::TooDeep));
    }

    #[test]
    fn decode_all_reads_multiple_results() {
        let mut out = Vec::new();
        encode(&Value::Integer(1), &mut out);
        encode(&Value::Nil, &mut out);
        assert_eq!(decode_all(&out), Ok(vec![Value::Integer(1), Value::Nil]));
    }
}
