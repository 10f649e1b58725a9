//! serde support for [`Value`]: [`to_value`] turns any `Serialize` type into a value for Lua,
//! [`from_value`] turns what Lua returned into any `Deserialize` type.
//!
//! | Rust (serde data model)                        | [`Value`]                                      |
//! |------------------------------------------------|------------------------------------------------|
//! | `bool`                                         | `Boolean`                                      |
//! | `i8`..`i64`, `u8`..`u64`, `i128`, `u128`       | `Integer` (beyond `i64` is an error)           |
//! | `f32`, `f64`                                   | `Float`                                        |
//! | `char`, `str`, `String`                        | `String` (UTF-8)                               |
//! | bytes (`serialize_bytes`, `deserialize_bytes`) | `String` (any bytes)                           |
//! | `()`, unit struct, `None`                      | `Nil`                                          |
//! | `Some(x)`, newtype struct                      | `x` itself                                     |
//! | sequence, tuple, tuple struct                  | `Table` with the keys `1..n` (a Lua array)     |
//! | map, struct                                    | `Table` with the map's keys (struct: the field names as strings) |
//! | unit variant `E::A`                            | `String` `"A"`                                 |
//! | other variants `E::B(x)`, `E::C { .. }`        | `Table` with one pair `{B = x}`, `{C = {..}}`  |
//!
//! Reading is as strict as the table and as lenient as Lua is about numbers:
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

use std::fmt;

use lua_wasm_abi::value::Value;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Expected, Unexpected, Visitor};
use serde::ser::{self, Serialize};

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

impl ser::Error for ConvertError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ConvertError::new(msg.to_string())
    }
}

impl de::Error for ConvertError {
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

// --- Rust to Value ---------------------------------------------------------------------

/// The `serde::Serializer` behind [`to_value`]: its output is a [`Value`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Serializer;

fn too_large(n: impl fmt::Display) -> ConvertError {
    ConvertError::new(format!(
        "the integer {n} does not fit in a Lua integer (from {} to {})",
        i64::MIN,
        i64::MAX
    ))
}

fn text(s: &str) -> Value {
    Value::String(s.as_bytes().to_vec())
}

impl ser::Serializer for Serializer {
    type Ok = Value;
    type Error = ConvertError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = VariantBuilder<SeqBuilder>;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = VariantBuilder<MapBuilder>;

    fn serialize_bool(self, v: bool) -> Result<Value, ConvertError> {
        Ok(Value::Boolean(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Value, ConvertError> {
        i64::try_from(v)
            .map(Value::Integer)
            .map_err(|_| too_large(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, ConvertError> {
        Ok(Value::Integer(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, ConvertError> {
        i64::try_from(v)
            .map(Value::Integer)
            .map_err(|_| too_large(v))
    }
    fn serialize_u128(self, v: u128) -> Result<Value, ConvertError> {
        i64::try_from(v)
            .map(Value::Integer)
            .map_err(|_| too_large(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Value, ConvertError> {
        Ok(Value::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Value, ConvertError> {
        Ok(Value::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Value, ConvertError> {
        Ok(text(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<Value, ConvertError> {
        Ok(text(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, ConvertError> {
        Ok(Value::String(v.to_vec()))
    }
    fn serialize_none(self) -> Result<Value, ConvertError> {
        Ok(Value::Nil)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, ConvertError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, ConvertError> {
        Ok(Value::Nil)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Value, ConvertError> {
        Ok(Value::Nil)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Value, ConvertError> {
        Ok(text(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Value, ConvertError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, ConvertError> {
        let content = value
            .serialize(self)
            .map_err(|e| e.at(&key_segment(&text(variant))))?;
        Ok(Value::Table(vec![(text(variant), content)]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, ConvertError> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, ConvertError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqBuilder, ConvertError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder<SeqBuilder>, ConvertError> {
        Ok(VariantBuilder {
            variant,
            inner: self.serialize_seq(Some(len))?,
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, ConvertError> {
        Ok(MapBuilder {
            pairs: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<MapBuilder, ConvertError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder<MapBuilder>, ConvertError> {
        Ok(VariantBuilder {
            variant,
            inner: self.serialize_map(Some(len))?,
        })
    }
}

/// A sequence being built: its elements get the keys 1, 2, ... in order.
#[doc(hidden)]
pub struct SeqBuilder(Vec<(Value, Value)>);

impl SeqBuilder {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvertError> {
        let index = self.0.len() as i64 + 1;
        let value = value
            .serialize(Serializer)
            .map_err(|e| e.at(&format!("[{index}]")))?;
        self.0.push((Value::Integer(index), value));
        Ok(())
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvertError> {
        self.push(value)
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Value::Table(self.0))
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvertError> {
        self.push(value)
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Value::Table(self.0))
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvertError> {
        self.push(value)
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Value::Table(self.0))
    }
}

/// A map or struct being built; 'key' is the key whose value comes next.
#[doc(hidden)]
pub struct MapBuilder {
    pairs: Vec<(Value, Value)>,
    key: Option<Value>,
}

impl MapBuilder {
    fn insert<T: Serialize + ?Sized>(&mut self, key: Value, value: &T) -> Result<(), ConvertError> {
        let value = value
            .serialize(Serializer)
            .map_err(|e| e.at(&key_segment(&key)))?;
        self.pairs.push((key, value));
        Ok(())
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ConvertError> {
        let key = key.serialize(Serializer)?;
        match key {
            Value::Nil => Err(ConvertError::new(
                "a table key cannot be nil (a map key was None, () or a unit struct)",
            )),
            Value::Float(x) if x.is_nan() => Err(ConvertError::new("a table key cannot be NaN")),
            key => {
                self.key = Some(key);
                Ok(())
            }
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvertError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| ConvertError::new("serialize_value called before serialize_key"))?;
        self.insert(key, value)
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Value::Table(self.pairs))
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), ConvertError> {
        self.insert(text(name), value)
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Value::Table(self.pairs))
    }
}

/// The content of a tuple or struct variant being built, to be wrapped in `{variant = ...}`.
#[doc(hidden)]
pub struct VariantBuilder<B> {
    variant: &'static str,
    inner: B,
}

impl<B> VariantBuilder<B> {
    fn wrap(variant: &str, content: Vec<(Value, Value)>) -> Value {
        Value::Table(vec![(text(variant), Value::Table(content))])
    }
    fn segment(&self) -> String {
        key_segment(&text(self.variant))
    }
}

impl ser::SerializeTupleVariant for VariantBuilder<SeqBuilder> {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvertError> {
        self.inner.push(value).map_err(|e| e.at(&self.segment()))
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Self::wrap(self.variant, self.inner.0))
    }
}

impl ser::SerializeStructVariant for VariantBuilder<MapBuilder> {
    type Ok = Value;
    type Error = ConvertError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), ConvertError> {
        let segment = self.segment();
        self.inner
            .insert(text(name), value)
            .map_err(|e| e.at(&segment))
    }
    fn end(self) -> Result<Value, ConvertError> {
        Ok(Self::wrap(self.variant, self.inner.pairs))
    }
}

// --- Value to Rust ---------------------------------------------------------------------

/// The `serde::Deserializer` behind [`from_value`]: it reads one owned [`Value`].
#[derive(Debug, Clone)]
pub struct Deserializer {
    value: Value,
    /// Whether 'value' is a table key: then an integer also reads as its decimal text.
    is_key: bool,
}

impl Deserializer {
    /// A deserializer that reads 'value'.
    pub fn new(value: Value) -> Self {
        Deserializer {
            value,
            is_key: false,
        }
    }

    fn key(value: Value) -> Self {
        Deserializer {
            value,
            is_key: true,
        }
    }
}

/// The integer a float stands for, as Lua's `math.tointeger`: only an exact integer value
/// in the range of `i64`.
fn float_to_integer(x: f64) -> Option<i64> {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63, exact as an f64.
    (x.fract() == 0.0 && (-LIMIT..LIMIT).contains(&x)).then_some(x as i64)
}

/// The index of 'key' if it can be a sequence key (an integer, or a float equal to one).
fn sequence_index(key: &Value) -> Option<i64> {
    match *key {
        Value::Integer(i) => Some(i),
        Value::Float(x) => float_to_integer(x),
        _ => None,
    }
}

/// The values of 'pairs' in key order if its keys are exactly 1..n, or the error that says
/// which key stops it being a sequence.
fn sequence_values(
    pairs: Vec<(Value, Value)>,
    exp: &dyn Expected,
) -> Result<Vec<Value>, ConvertError> {
    let n = pairs.len();
    let mut slots: Vec<Option<Value>> = (0..n).map(|_| None).collect();
    for (key, value) in pairs {
        let slot = sequence_index(&key)
            .filter(|&i| i >= 1 && i as u64 <= n as u64)
            .map(|i| &mut slots[i as usize - 1]);
        match slot {
            Some(slot @ None) => *slot = Some(value),
            Some(Some(_)) => {
                return Err(ConvertError::new(format!(
                    "expected {exp}, found a table with the key {} twice",
                    key_text(&key)
                )))
            }
            None => {
                return Err(ConvertError::new(format!(
                    "expected {exp}, found a table that is not a sequence: it has the key {}, \
                     a sequence of {n} elements has exactly the keys 1..{n}",
                    key_text(&key)
                )))
            }
        }
    }
    // Every key was distinct and in 1..n, so every slot is filled.
    Ok(slots.into_iter().flatten().collect())
}

/// A key as it would appear in Lua source, for messages.
fn key_text(key: &Value) -> String {
    match key {
        Value::String(bytes) => format!("{:?}", String::from_utf8_lossy(bytes)),
        other => {
            let segment = key_segment(other);
            segment[1..segment.len() - 1].to_string()
        }
    }
}

fn is_sequence(pairs: &[(Value, Value)]) -> bool {
    let n = pairs.len() as u64;
    let mut seen = vec![false; pairs.len()];
    n >= 1
        && pairs.iter().all(|(key, _)| {
            match sequence_index(key).filter(|&i| i >= 1 && i as u64 <= n) {
                Some(i) => !std::mem::replace(&mut seen[i as usize - 1], true),
                None => false,
            }
        })
}

fn not_utf8(error: &std::str::Utf8Error, exp: &dyn Expected) -> ConvertError {
    ConvertError::new(format!(
        "expected {exp}, found a string that is not valid UTF-8 (at byte {}); \
         read it into a byte type such as serde_bytes::ByteBuf instead",
        error.valid_up_to()
    ))
}

/// The error for the two kinds of value that are references to something in the VM or the
/// store rather than data.
fn not_data(value: &Value, exp: &dyn Expected) -> Option<ConvertError> {
    match value {
        Value::TableRef(id) => Some(ConvertError::new(format!(
            "expected {exp}, found an external table (id {id}), which is a reference into \
             the table store, not data: return a plain copy of it from Lua instead"
        ))),
        Value::Opaque(text) => {
            let kind = match text.split_once(':') {
                Some((kind @ ("function" | "thread" | "userdata"), _)) => kind,
                _ => "Lua",
            };
            Some(ConvertError::new(format!(
                "expected {exp}, found {text}: a {kind} value cannot be converted to Rust data"
            )))
        }
        _ => None,
    }
}

impl Deserializer {
    fn visit_sequence<'de, V: Visitor<'de>>(
        pairs: Vec<(Value, Value)>,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        let values = sequence_values(pairs, &visitor)?;
        let len = values.len();
        let mut access = SeqAccess {
            values: values.into_iter(),
            next_index: 1,
        };
        let out = visitor.visit_seq(&mut access)?;
        match access.values.len() {
            0 => Ok(out),
            left => Err(ConvertError::new(format!(
                "expected {} elements, found a table of {len} elements",
                len - left
            ))),
        }
    }

    fn visit_table<'de, V: Visitor<'de>>(
        pairs: Vec<(Value, Value)>,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        visitor.visit_map(MapAccess {
            pairs: pairs.into_iter(),
            value: None,
        })
    }

    fn visit_text<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::String(bytes) => match String::from_utf8(bytes) {
                Ok(s) => visitor.visit_string(s),
                Err(e) => Err(not_utf8(&e.utf8_error(), &visitor)),
            },
            Value::Integer(i) if self.is_key => visitor.visit_string(i.to_string()),
            _ => de::Deserializer::deserialize_any(self, visitor),
        }
    }

    fn visit_integer<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Integer(i) => visitor.visit_i64(i),
            Value::Float(x) => match float_to_integer(x) {
                Some(i) => visitor.visit_i64(i),
                None => visitor.visit_f64(x),
            },
            _ => de::Deserializer::deserialize_any(self, visitor),
        }
    }

    fn visit_float<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Integer(i) => visitor.visit_f64(i as f64),
            Value::Float(x) => visitor.visit_f64(x),
            _ => de::Deserializer::deserialize_any(self, visitor),
        }
    }
}

macro_rules! forward {
    ($($method:ident => $helper:ident,)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
            self.$helper(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Deserializer {
    type Error = ConvertError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Nil => visitor.visit_unit(),
            Value::Boolean(b) => visitor.visit_bool(b),
            Value::Integer(i) => visitor.visit_i64(i),
            Value::Float(x) => visitor.visit_f64(x),
            Value::String(bytes) => match String::from_utf8(bytes) {
                Ok(s) => visitor.visit_string(s),
                Err(e) => visitor.visit_byte_buf(e.into_bytes()),
            },
            Value::Table(pairs) if is_sequence(&pairs) => Self::visit_sequence(pairs, visitor),
            Value::Table(pairs) => Self::visit_table(pairs, visitor),
            ref other => Err(not_data(other, &visitor).expect("only references are left")),
        }
    }

    forward! {
        deserialize_i8 => visit_integer,
        deserialize_i16 => visit_integer,
        deserialize_i32 => visit_integer,
        deserialize_i64 => visit_integer,
        deserialize_i128 => visit_integer,
        deserialize_u8 => visit_integer,
        deserialize_u16 => visit_integer,
        deserialize_u32 => visit_integer,
        deserialize_u64 => visit_integer,
        deserialize_u128 => visit_integer,
        deserialize_f32 => visit_float,
        deserialize_f64 => visit_float,
        deserialize_char => visit_text,
        deserialize_str => visit_text,
        deserialize_string => visit_text,
        deserialize_identifier => visit_text,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Boolean(b) => visitor.visit_bool(b),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::String(bytes) => visitor.visit_byte_buf(bytes),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Nil => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Nil => visitor.visit_unit(),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Table(pairs) => Self::visit_sequence(pairs, visitor),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::Table(pairs) => Self::visit_table(pairs, visitor),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        match self.value {
            Value::String(_) => visitor.visit_enum(EnumAccess {
                variant: self.value,
                content: None,
            }),
            Value::Table(mut pairs) if pairs.len() == 1 => {
                let (variant, content) = pairs.pop().expect("one pair");
                visitor.visit_enum(EnumAccess {
                    variant,
                    content: Some(content),
                })
            }
            Value::Table(pairs) => Err(ConvertError::new(format!(
                "expected {}: its variant's name as a string, or a table with one pair \
                 {{Variant = content}}; found a table with {} pairs",
                &visitor as &dyn Expected,
                pairs.len()
            ))),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        // Nothing is converted, so even references are fine to skip.
        visitor.visit_unit()
    }
}

/// The elements of a sequence, in key order; 'next_index' is the Lua index of the next one.
struct SeqAccess {
    values: std::vec::IntoIter<Value>,
    next_index: i64,
}

impl<'de> de::SeqAccess<'de> for SeqAccess {
    type Error = ConvertError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, ConvertError> {
        let Some(value) = self.values.next() else {
            return Ok(None);
        };
        let index = self.next_index;
        self.next_index += 1;
        seed.deserialize(Deserializer::new(value))
            .map(Some)
            .map_err(|e| e.at(&format!("[{index}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.values.len())
    }
}

/// The pairs of a table in the order they came; 'value' is the value of the key just read,
/// with the path segment that leads to it.
struct MapAccess {
    pairs: std::vec::IntoIter<(Value, Value)>,
    value: Option<(String, Value)>,
}

impl<'de> de::MapAccess<'de> for MapAccess {
    type Error = ConvertError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, ConvertError> {
        let Some((key, value)) = self.pairs.next() else {
            return Ok(None);
        };
        let segment = key_segment(&key);
        let key = seed
            .deserialize(Deserializer::key(key))
            .map_err(|e| ConvertError::new(format!("in a key: {}", e.message)).at(&segment))?;
        self.value = Some((segment, value));
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, ConvertError> {
        let (segment, value) = self
            .value
            .take()
            .ok_or_else(|| ConvertError::new("next_value called before next_key"))?;
        seed.deserialize(Deserializer::new(value))
            .map_err(|e| e.at(&segment))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.pairs.len())
    }
}

/// An enum: its variant's name, and the content when it came as `{Variant = content}`.
struct EnumAccess {
    variant: Value,
    content: Option<Value>,
}

impl<'de> de::EnumAccess<'de> for EnumAccess {
    type Error = ConvertError;
    type Variant = VariantAccess;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantAccess), ConvertError> {
        let segment = key_segment(&self.variant);
        let name = match &self.variant {
            Value::String(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            other => key_text(other),
        };
        let variant = seed.deserialize(Deserializer::key(self.variant))?;
        Ok((
            variant,
            VariantAccess {
                name,
                segment,
                content: self.content,
            },
        ))
    }
}

struct VariantAccess {
    name: String,
    segment: String,
    content: Option<Value>,
}

impl VariantAccess {
    /// The content of a variant that carries data, or the error for a bare name.
    fn content(self) -> Result<(Value, String), ConvertError> {
        match self.content {
            Some(content) => Ok((content, self.segment)),
            None => Err(ConvertError::new(format!(
                "variant {name} carries data: expected a table {{{name} = ...}}, found just \
                 the string \"{name}\"",
                name = self.name
            ))),
        }
    }
}

impl<'de> de::VariantAccess<'de> for VariantAccess {
    type Error = ConvertError;

    fn unit_variant(self) -> Result<(), ConvertError> {
        match self.content {
            None | Some(Value::Nil) => Ok(()),
            Some(_) => Err(ConvertError::new(format!(
                "variant {name} carries no data: expected just the string \"{name}\", found \
                 a table {{{name} = ...}}",
                name = self.name
            ))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, ConvertError> {
        let (content, segment) = self.content()?;
        seed.deserialize(Deserializer::new(content))
            .map_err(|e| e.at(&segment))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        let (content, segment) = self.content()?;
        de::Deserializer::deserialize_tuple(Deserializer::new(content), len, visitor)
            .map_err(|e| e.at(&segment))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, ConvertError> {
        let (content, segment) = self.content()?;
        de::Deserializer::deserialize_struct(Deserializer::new(content), "", fields, visitor)
            .map_err(|e| e.at(&segment))
    }
}
