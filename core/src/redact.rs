//! Values that must never be printed whole: card numbers, CVVs, tax ids, secrets and tokens.
//!
//! Each is a newtype whose `Debug` and `Display` show only what is safe (the last 4 digits of a card,
//! the last 2 characters of a tax id, nothing of a secret). The value itself is reached with
//! `expose()`, a name that is easy to search for in review.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::card::mask_card_number;

macro_rules! sensitive {
    ($(#[$doc:meta])* $name:ident, $mask:expr) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps a value.
            pub fn new(value: impl Into<String>) -> Self {
                $name(value.into())
            }

            /// The value itself. Never log it.
            pub fn expose(&self) -> &str {
                &self.0
            }

            /// Whether the value is empty.
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// What `Debug` and `Display` show.
            pub fn masked(&self) -> String {
                let f: fn(&str) -> String = $mask;
                f(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.masked())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.masked())
            }
        }

        impl From<&str> for $name {
            fn from(v: &str) -> Self {
                $name(v.to_string())
            }
        }

        impl From<String> for $name {
            fn from(v: String) -> Self {
                $name(v)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d).map($name)
            }
        }
    };
}

/// Shows the last `n` characters of a value, the rest as `*` (at most 8 of them).
pub fn mask_tail(value: &str, n: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= n * 2 {
        return "*".repeat(chars.len().min(8));
    }
    let tail: String = chars[chars.len() - n..].iter().collect();
    format!("{}{tail}", "*".repeat((chars.len() - n).min(8)))
}

sensitive!(
    /// A card number (PAN): shown as its last four digits.
    CardNumber,
    mask_card_number
);
sensitive!(
    /// A card verification code: never shown.
    Cvv,
    |_| "***".to_string()
);
sensitive!(
    /// A payer's tax id: shown as its last two characters.
    TaxId,
    |v| mask_tail(v, 2)
);
sensitive!(
    /// A client secret, webhook secret or access token: never shown.
    Secret,
    |v| if v.is_empty() { String::new() } else { "[redacted]".to_string() }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(
            format!("{:?}", CardNumber::new("4024007153763191")),
            "CardNumber(•••• 3191)"
        );
        assert_eq!(format!("{}", Cvv::new("123")), "***");
        assert_eq!(format!("{}", TaxId::new("123.456.789-09")), "********09");
        assert_eq!(
            format!("{:?}", Secret::new("sk_live_x")),
            "Secret([redacted])"
        );
    }
}
