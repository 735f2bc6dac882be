//! Finds NaN and infinity anywhere in a serialisable value. serde_json silently writes them as `null`, so a
//! report, an export or a screen value could lose a number without anyone noticing; the property tests, the
//! fuzz targets and the app's exports check with [`check`] instead.

use serde::ser::{self, Serialize};

/// `Ok` when every float in `value` is finite; otherwise the first non-finite number found.
pub fn check<T: Serialize + ?Sized>(value: &T) -> Result<(), NonFinite> {
    value.serialize(FiniteCheck)
}

/// A serializer that only looks for non-finite floats anywhere in a value (serde_json would silently write them
/// as `null`, which is exactly what the report must never contain).
#[derive(Debug)]
struct FiniteCheck;

/// The first non-finite number found, as text.
#[derive(Debug)]
pub struct NonFinite(pub String);
impl std::fmt::Display for NonFinite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for NonFinite {}
impl ser::Error for NonFinite {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        NonFinite(msg.to_string())
    }
}

type R = Result<(), NonFinite>;

macro_rules! ok_scalars {
    ($($name:ident: $t:ty),*) => { $(fn $name(self, _v: $t) -> R { Ok(()) })* };
}

impl ser::Serializer for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    type SerializeSeq = FiniteCheck;
    type SerializeTuple = FiniteCheck;
    type SerializeTupleStruct = FiniteCheck;
    type SerializeTupleVariant = FiniteCheck;
    type SerializeMap = FiniteCheck;
    type SerializeStruct = FiniteCheck;
    type SerializeStructVariant = FiniteCheck;
    ok_scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_char: char, serialize_str: &str, serialize_bytes: &[u8]);
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R {
        if v.is_finite() {
            Ok(())
        } else {
            Err(NonFinite(format!("non-finite number {v}")))
        }
    }
    fn serialize_none(self) -> R {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn serialize_unit(self) -> R {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> R {
        v.serialize(FiniteCheck)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, NonFinite> {
        Ok(FiniteCheck)
    }
}

impl ser::SerializeSeq for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn end(self) -> R {
        Ok(())
    }
}
impl ser::SerializeTuple for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn end(self) -> R {
        Ok(())
    }
}
impl ser::SerializeTupleStruct for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn end(self) -> R {
        Ok(())
    }
}
impl ser::SerializeTupleVariant for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn end(self) -> R {
        Ok(())
    }
}
impl ser::SerializeMap for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> R {
        v.serialize(FiniteCheck)
    }
    fn end(self) -> R {
        Ok(())
    }
}
impl ser::SerializeStruct for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> R {
        v.serialize(FiniteCheck)
            .map_err(|e| NonFinite(format!("{key}: {}", e.0)))
    }
    fn end(self) -> R {
        Ok(())
    }
}
impl ser::SerializeStructVariant for FiniteCheck {
    type Ok = ();
    type Error = NonFinite;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> R {
        v.serialize(FiniteCheck)
            .map_err(|e| NonFinite(format!("{key}: {}", e.0)))
    }
    fn end(self) -> R {
        Ok(())
    }
}
