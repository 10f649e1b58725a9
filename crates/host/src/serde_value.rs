//! serde support for [`Value`]: [`to_value`] turns any `Serialize` type into a value for Lua,
//! [`from_value`] turns what Lua returned into any `Deserialize` type.
//!
//! | Rust (serde data model)                  | [`Value`]                                     |
//! |------------------------------------------|-----------------------------------------------|
//! | `bool`                                   | `Boolean`                                     |
//! | `i8`..`i64`, `u8`..`u64`, `i128`, `u128` | `Integer` (beyond `i64` is an error)          |
//! | `f32`, `f64`                             | `Float`                                       |
//! | `char`, `str`, `String`                  | `String` (UTF-8)                              |
//! | bytes (`serialize_bytes`, `byte_buf`)    | `String` (any bytes)                          |
//! | `()`, unit struct, `None`                | `Nil`                                         |
//! | `Some(x)`, newtype struct                | `x` itself                                    |
//! | sequence, tuple, tuple struct            | `Table` with the keys `1..n` (a Lua array)    |
//! | map                                      | `Table` with the map's keys                   |
//! | struct                                   | `Table` with the field names as string keys   |
//! | unit variant `E::A`                      | `String` `"A"`                                |
//! | other variants `E::B(x)`, `E::C { .. }`  | `Table` with one pair: `{B = x}`, `{C = {..}}` |
//!
//! Reading follows the table strictly, except that numbers convert as in Lua:
//! - An `Integer` reads into `f32`/`f64`; a `Float` with an exact integer value reads into
//!   integer types (as Lua's `math.tointeger` would convert it), any other float does not.
//! - A sequence reads from a table whose keys are exactly the integers `1..n`, in any order;
//!   an empty table reads as an empty sequence, an empty map or a struct with no fields set.
//! - A `String` reads into `String`/`char` only if it is UTF-8; bytes take any string.
//! - In map keys (and struct field names) an `Integer` also reads as its decimal text, so a
//!   table with integer keys reads into `HashMap<String, _>` or `serde_json::Value`.
//! - Self-describing reads (`deserialize_any`, e.g. into `serde_json::Value`) give a table
//!   with the keys `1..n` (n >= 1) as a sequence and any other table, the empty one
//!   included, as a map: `[]` comes back from Lua as `{}`.
//! - `TableRef` (an external table) and `Opaque` (a function, coroutine or userdata) are
//!   never converted: they are errors that say so, except in fields that are ignored.
//!
//! Lua tables cannot hold `nil`: a `None` struct field vanishes on its way through Lua and
//! reads back as `None`, but a `None` inside a `Vec` leaves a hole and the table is no longer
//! a sequence. Converting a [`Value`] straight back keeps such `Nil` entries.
//!
//! Errors are [`ConvertError`]s, which say where the problem is with a path of Lua keys
//! (`.players[2].name`: `[2]` is Lua's index, the second element).

mod de;
mod ser;

use std::fmt;

use lua_wasm_abi::value::Value;
use serde::de::{DeserializeOwned, Expected, Unexpected};
use serde::Serialize;

pub use de::Deserializer;
pub use ser::Serializer;

/// Why a value could not be converted, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertError {
    path: String,
    message: String,
}

impl ConvertError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        ConvertError {
            path: String::new(),
            message: message.into(),
        }
    }

    /// Where the problem is, as Lua keys from the outermost value (`.players[2].name`);
    /// empty when it is the outermost value itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the problem is, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error one level further out: 'segment' leads to where the error was.
    pub(crate) fn at(mut self, segment: &str) -> Self {
        self.path.insert_str(0, segment);
        self
    }
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "at {}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ConvertError {}

impl serde::ser::Error for ConvertError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ConvertError::new(msg.to_string())
    }
}

impl serde::de::Error for ConvertError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ConvertError::new(msg.to_string())
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn Expected) -> Self {
        ConvertError::new(format!(
            "expected {exp}, found {}",
            describe_unexpected(&unexp)
        ))
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn Expected) -> Self {
        ConvertError::new(format!(
            "expected {exp}, found {}",
            describe_unexpected(&unexp)
        ))
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        ConvertError::new(format!("expected {exp}, found a table of {len} elements"))
    }
}

/// What a visitor was handed, in Lua's words: the deserializer only ever visits Lua kinds,
/// so "an integer" rather than serde's "integer `5`".
fn describe_unexpected(unexp: &Unexpected) -> String {
    match *unexp {
        Unexpected::Bool(b) => format!("a boolean ({b})"),
        Unexpected::Signed(i) => format!("an integer ({i})"),
        Unexpected::Unsigned(u) => format!("an integer ({u})"),
        Unexpected::Float(x) => format!("a float ({x:?})"),
        Unexpected::Char(_) => "a string".into(),
        Unexpected::Str(s) if s.chars().count() > 40 => {
            let head: String = s.chars().take(40).collect();
            format!("a string ({head:?}...)")
        }
        Unexpected::Str(s) => format!("a string ({s:?})"),
        Unexpected::Bytes(_) => "a string".into(),
        Unexpected::Unit | Unexpected::Option => "nil".into(),
        Unexpected::Seq => "a table (a sequence)".into(),
        Unexpected::Map => "a table".into(),
        ref other => other.to_string(),
    }
}

/// The path segment that leads to the value under 'key': `.name` for a string that is a
/// Lua name, `[2]`, `["two words"]`, `[true]` otherwise.
pub(crate) fn key_segment(key: &Value) -> String {
    match key {
        Value::String(bytes) => match std::str::from_utf8(bytes) {
            Ok(name) if is_lua_name(name) => format!(".{name}"),
            _ => format!("[{:?}]", String::from_utf8_lossy(bytes)),
        },
        Value::Integer(i) => format!("[{i}]"),
        Value::Float(x) => format!("[{x:?}]"),
        Value::Boolean(b) => format!("[{b}]"),
        Value::Nil => "[nil]".into(),
        Value::Table(_) => "[{...}]".into(),
        Value::TableRef(id) => format!("[external table {id}]"),
        Value::Opaque(text) => format!("[{text}]"),
    }
}

/// Whether 's' can follow a dot in Lua: a name that is not a reserved word.
fn is_lua_name(s: &str) -> bool {
    const RESERVED: [&str; 22] = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
        "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ];
    let mut chars = s.chars();
    let starts_well = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_');
    starts_well && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') && !RESERVED.contains(&s)
}

/// Converts any `Serialize` value into a [`Value`] (see the module doc for the mapping).
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, ConvertError> {
    value.serialize(Serializer)
}

/// Converts a [`Value`] into any `Deserialize` type (see the module doc for the mapping).
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, ConvertError> {
    T::deserialize(Deserializer::new(value))
}
