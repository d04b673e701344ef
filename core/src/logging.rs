//! What the SDK may log. Bodies are never logged, except at trace level with every personal field
//! masked: names, emails, phones, tax ids, addresses, card data, secrets and tokens.

use serde_json::Value;

use crate::card::mask_card_number;
use crate::redact::mask_tail;

const PERSONAL: &[&str] = &[
    "payer_name",
    "payer_email",
    "payer_cell_phone",
    "email",
    "name",
    "card_name",
    "customer",
    "street",
    "address_number",
    "complement",
    "neighborhood",
    "postal_code",
    "ip_address",
    "user_agent",
];
const SECRET: &[&str] = &[
    "card_cvv",
    "client_secret",
    "access_token",
    "card_token",
    "card_cryptogram",
    "cryptogram",
    "cavv",
];

/// A copy of a JSON body with personal and secret fields masked, fit for a trace log.
pub fn mask_body(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let masked = match (k.as_str(), v) {
                        (_, Value::Null) => Value::Null,
                        ("card_number" | "number", Value::String(s)) => {
                            Value::String(mask_card_number(s))
                        }
                        // A card number or tax id sent as a JSON number is masked all the same.
                        ("card_number" | "number", Value::Number(n)) => {
                            Value::String(mask_card_number(&n.to_string()))
                        }
                        ("payer_tax_id" | "tax_id" | "recipient_tax_id", Value::String(s)) => {
                            Value::String(mask_tail(s, 2))
                        }
                        ("payer_tax_id" | "tax_id" | "recipient_tax_id", Value::Number(n)) => {
                            Value::String(mask_tail(&n.to_string(), 2))
                        }
                        (k, _) if SECRET.contains(&k) => Value::String("[redacted]".into()),
                        (k, Value::String(_)) if PERSONAL.contains(&k) => {
                            Value::String("[personal]".into())
                        }
                        (k, Value::Object(_)) if PERSONAL.contains(&k) => {
                            Value::String("[personal]".into())
                        }
                        _ => mask_body(v),
                    };
                    (k.clone(), masked)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(mask_body).collect()),
        other => other.clone(),
    }
}

/// A request path fit for a log: the query string's values are left out (a wallet is found by its
/// email, which is personal data).
pub fn redact_path(path: &str) -> std::borrow::Cow<'_, str> {
    let Some((route, query)) = path.split_once('?') else {
        return std::borrow::Cow::Borrowed(path);
    };
    let names: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').map_or(p, |(k, _)| k))
        .collect();
    std::borrow::Cow::Owned(format!("{route}?{}", names.join("=…&") + "=…"))
}

/// [`redact_path`] written out only when formatted: a log line that no subscriber or logger takes
/// costs the call nothing. Used by the HTTP client.
#[cfg(feature = "client")]
pub(crate) struct RedactedPath<'a>(pub(crate) &'a str);

#[cfg(feature = "client")]
impl std::fmt::Display for RedactedPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&redact_path(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn masks_personal_fields() {
        let body = json!({"payer_name": "Zhang", "card_number": "4024007153763191", "card_cvv": "123",
            "payer_tax_id": "123.456.789-09", "payer_address": {"street": "Av. Paulista", "state": "SP"},
            "installment_value": 150});
        let text = mask_body(&body).to_string();
        for secret in [
            "Zhang",
            "4024007153763191",
            "\"123\"",
            "123.456.789",
            "Paulista",
        ] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(text.contains("3191") && text.contains("SP") && text.contains("150"));
    }

    #[test]
    fn numbers_are_masked_like_strings() {
        let body = json!({"card_number": 4024007153763191_u64, "payer_tax_id": 12345678909_u64,
            "nested": {"tax_id": 98765432100_u64}});
        let text = mask_body(&body).to_string();
        for secret in ["402400715376", "123456789", "987654321"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(text.contains("3191") && text.contains("09"));
    }

    #[test]
    fn paths_lose_their_query_values() {
        assert_eq!(
            redact_path("/api/v1/bank/wallet/?email=ana%40example.com&currency=BRL"),
            "/api/v1/bank/wallet/?email=…&currency=…"
        );
        assert_eq!(redact_path("/api/v1/bank/wallet/"), "/api/v1/bank/wallet/");
    }
}
