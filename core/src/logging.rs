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
                        ("payer_tax_id" | "tax_id" | "recipient_tax_id", Value::String(s)) => {
                            Value::String(mask_tail(s, 2))
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
}
