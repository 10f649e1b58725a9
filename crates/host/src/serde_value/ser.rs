//! Rust to [`Value`]: the `serde::Serializer` behind [`to_value`](super::to_value).

use std::fmt;

use lua_wasm_abi::value::Value;
use serde::ser::{self, Serialize};

use super::{key_segment, ConvertError};

/// The `serde::Serializer` behind [`to_value`](super::to_value): its output is a [`Value`].
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
