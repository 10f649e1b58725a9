//! [`Value`] to Rust: the `serde::Deserializer` behind [`from_value`](super::from_value).

use lua_wasm_abi::value::Value;
use serde::de::{self, DeserializeSeed, Expected, Visitor};

use super::{key_segment, ConvertError};

/// The `serde::Deserializer` behind [`from_value`](super::from_value): it reads one [`Value`].
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

/// An external table is a reference into the table store, not data.
fn table_ref_error(id: u32, exp: &dyn Expected) -> ConvertError {
    ConvertError::new(format!(
        "expected {exp}, found an external table (id {id}), which is a reference into the \
         table store, not data: return a plain copy of it from Lua instead"
    ))
}

/// A function, coroutine or userdata came as its `tostring` text, which is not the value.
fn opaque_error(text: &str, exp: &dyn Expected) -> ConvertError {
    let kind = match text.split_once(':') {
        Some((kind @ ("function" | "thread" | "userdata"), _)) => kind,
        _ => "Lua",
    };
    ConvertError::new(format!(
        "expected {exp}, found {text}: a {kind} value cannot be converted to Rust data"
    ))
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
            Value::TableRef(id) => Err(table_ref_error(id, &visitor)),
            Value::Opaque(text) => Err(opaque_error(&text, &visitor)),
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
