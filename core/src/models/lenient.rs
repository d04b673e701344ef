//! [`Lenient`]: a value the SDK knows (a currency, a subscription cycle) as read from A55, with the
//! text of one it does not know kept instead of failing the result.

use std::fmt;

use crate::money::Currency;
use crate::schedule::Cycle;

/// A closed set of values with one wire name each, which [`Lenient`] reads from responses.
pub trait WireName: Copy + 'static {
    /// The wire name of this value, as A55 writes it.
    fn wire_name(self) -> &'static str;

    /// The value whose wire name is exactly `text`, or `None` when no value has that name.
    fn from_wire_name(text: &str) -> Option<Self>;
}

impl WireName for Currency {
    fn wire_name(self) -> &'static str {
        self.code()
    }

    fn from_wire_name(text: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == text)
    }
}

impl WireName for Cycle {
    fn wire_name(self) -> &'static str {
        self.as_str()
    }

    fn from_wire_name(text: &str) -> Option<Cycle> {
        Cycle::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// A value read from A55: one the SDK knows, or the text of one it does not (a currency or cycle
/// added after this version), kept as it was received. Reading is exact: `brl` is not `BRL`, so it
/// is kept as `Unknown("brl")`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Lenient<T> {
    /// A value this version knows.
    Known(T),
    /// A value this version does not know, kept as it was received.
    Unknown(String),
}

impl<T: WireName> Lenient<T> {
    /// Reads a wire value; unknown text is kept in `Unknown`.
    pub fn parse(text: &str) -> Lenient<T> {
        match T::from_wire_name(text) {
            Some(v) => Lenient::Known(v),
            None => Lenient::Unknown(text.to_string()),
        }
    }

    /// The wire value: the known value's name, or the unknown text as received.
    pub fn as_str(&self) -> &str {
        match self {
            Lenient::Known(v) => v.wire_name(),
            Lenient::Unknown(s) => s,
        }
    }

    /// The known value, or `None` for an unknown one.
    pub fn known(&self) -> Option<T> {
        match self {
            Lenient::Known(v) => Some(*v),
            Lenient::Unknown(_) => None,
        }
    }

    /// Whether this version knows the value.
    pub fn is_known(&self) -> bool {
        matches!(self, Lenient::Known(_))
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(v: T) -> Lenient<T> {
        Lenient::Known(v)
    }
}

impl<T: PartialEq> PartialEq<T> for Lenient<T> {
    fn eq(&self, other: &T) -> bool {
        matches!(self, Lenient::Known(v) if v == other)
    }
}

impl<T: WireName> fmt::Display for Lenient<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A lenient value is written as the value it wraps.
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Lenient<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

impl<T: WireName> serde::Serialize for Lenient<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de, T: WireName> serde::Deserialize<'de> for Lenient<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Lenient::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_values_round_trip() {
        for c in Currency::ALL {
            let read = Lenient::<Currency>::parse(c.code());
            assert_eq!(read, Lenient::Known(c));
            assert_eq!(read, c);
            assert_eq!(read.as_str(), c.code());
            assert_eq!(read.known(), Some(c));
        }
        for c in Cycle::ALL {
            let read: Lenient<Cycle> = serde_json::from_str(&format!("\"{c}\"")).unwrap();
            assert_eq!(read, Lenient::Known(c));
            assert_eq!(serde_json::to_string(&read).unwrap(), format!("\"{c}\""));
        }
        let odd = Lenient::<Currency>::parse("brl");
        assert_eq!(odd, Lenient::Unknown("brl".into()));
        assert!(!odd.is_known() && odd.known().is_none());
        assert_eq!(odd.to_string(), "brl");
        assert_eq!(Lenient::from(Cycle::Weekly).as_str(), "weekly");
    }
}
