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

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({"type": "string"})
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

/// Whether a UUID (8-4-4-4-12 hex digits) starts at byte `i`.
fn uuid_at(bytes: &[u8], i: usize) -> bool {
    let Some(candidate) = bytes.get(i..i + 36) else {
        return false;
    };
    let before_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
    let after_ok = bytes.get(i + 36).is_none_or(|b| !b.is_ascii_alphanumeric());
    before_ok
        && after_ok
        && candidate.iter().enumerate().all(|(k, b)| match k {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Free text (a server's error message) with every run of 11 or more digits, spaces, dots, dashes
/// and slashes allowed between them, replaced by its last two digits: a card number or a tax id
/// echoed by a server never reaches a message, a repr or a log. UUIDs are kept whole.
pub fn mask_text(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if uuid_at(bytes, i) {
            i += 36;
            continue;
        }
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        // A run of digits with single separators between them.
        let (start, mut end, mut digits) = (i, i, Vec::new());
        let mut j = i;
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j]);
                j += 1;
                end = j;
            } else if matches!(bytes[j], b' ' | b'.' | b'-' | b'/')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        if digits.len() >= 11 {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..start]);
            let tail = String::from_utf8_lossy(&digits[digits.len() - 2..]).into_owned();
            o.push_str("••••");
            o.push_str(&tail);
            copied = end;
        }
        i = end.max(i + 1);
    }
    match out {
        None => std::borrow::Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// An answer's body as an error keeps it: personal and secret fields of a JSON body masked (as
/// in trace logs), long digit runs of any other text masked, cut to 2 KiB.
pub fn mask_raw_body(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(v) => mask_text(&crate::logging::mask_body(&v).to_string()).into_owned(),
        Err(_) => mask_text(&String::from_utf8_lossy(body)).into_owned(),
    };
    text.chars().take(2048).collect()
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
    fn free_text_loses_card_numbers_and_tax_ids() {
        for (text, hidden) in [
            ("card 4024007153763191 declined", "402400715376"),
            ("card 4024 0071 5376 3191 declined", "4024 0071"),
            ("CPF 123.456.789-09 is invalid", "123.456.789"),
            ("tax id 12345678909", "123456789"),
            ("CNPJ 11.222.333/0001-81", "11.222.333"),
        ] {
            let masked = mask_text(text);
            assert!(!masked.contains(hidden), "{text} → {masked}");
        }
        assert_eq!(mask_text("CPF 123.456.789-09 bad"), "CPF ••••09 bad");
        // Ids, dates, amounts and short numbers stay.
        for kept in [
            "wallet 11111111-1111-1111-1111-111111111111 not found",
            "due 2026-12-31, amount 150.00, code 51",
            "charge f47ac10b-58cc-4372-a567-0e02b2c3d479",
        ] {
            assert_eq!(mask_text(kept), kept);
        }
        let raw = mask_raw_body(br#"{"card_number": 4024007153763191, "note": "cpf 12345678909"}"#);
        assert!(
            !raw.contains("402400715376") && !raw.contains("123456789"),
            "{raw}"
        );
    }

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
