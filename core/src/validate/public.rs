//! What a payer's browser sends to the public endpoints: a card payment, in either of its two
//! shapes, and the 3DS device-data set-up A55's browser SDK asks for before paying.
//!
//! A55's docs give a flat body (`card_number`, `card_name`, `card_expiry_month`,
//! `card_expiry_year`, `card_cvv`, optional `payer_tax_id` and `device_info`); A55's own browser SDK
//! sends a nested one, with the card under `card` (`number`, `holder_name`, `expiry_month`,
//! `expiry_year`, `ccv`, and a `card_token` or `card_cryptogram`), next to `payer_name`,
//! `payer_email`, `cell_phone`, `address`, `shipping_address`, `device_info` and, after its own 3DS,
//! `threeds_auth`. A body with a `card` key is read as the nested shape.
//!
//! Both shapes go through the same rules: each card field has the same type and the same card rules
//! (length and checksum, month, year, expiry, CVV length for the brand), so the same mistake gives
//! the same issue code in either shape, with the path of the field as it was sent (`card.number`
//! where the flat body says `card_number`). [`SDK_CARD_NAMES`] is the one table between the two, and
//! [`flat_public_payment`] turns a nested body into the flat one.

use serde_json::{Map, Value};

use super::fields::{
    PUBLIC_PAYMENT, PUBLIC_PAYMENT_SDK, PUBLIC_PAYMENT_SDK_WITH_CRYPTOGRAM, THREEDS_SETUP,
};
use super::walker::Validator;
use crate::codes::{Issue, IssueCode};
use crate::error::quote;
use crate::schedule::Date;

/// How A55's browser SDK names the documented flat card fields inside its `card` object:
/// (nested name, flat name).
pub const SDK_CARD_NAMES: [(&str, &str); 5] = [
    ("number", "card_number"),
    ("holder_name", "card_name"),
    ("expiry_month", "card_expiry_month"),
    ("expiry_year", "card_expiry_year"),
    ("ccv", "card_cvv"),
];

/// The card keys the nested shape may carry besides [`SDK_CARD_NAMES`]; they keep their names in
/// the flat body.
const SDK_CARD_EXTRAS: [&str; 2] = ["card_token", "card_cryptogram"];

/// Where a payload keeps a card's fields, for the rules between them.
pub(super) struct CardKeys {
    /// The object holding them, as a path prefix (`""` at the top level).
    prefix: &'static str,
    pub(super) number: &'static str,
    pub(super) cvv: &'static str,
    pub(super) month: &'static str,
    pub(super) year: &'static str,
}

impl CardKeys {
    /// The path of one of the card's keys.
    pub(super) fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }
}

/// The flat names of a charge and of the documented public payment body.
pub(super) const FLAT_CARD: CardKeys = CardKeys {
    prefix: "",
    number: "card_number",
    cvv: "card_cvv",
    month: "card_expiry_month",
    year: "card_expiry_year",
};

/// The browser SDK's `card` object.
const SDK_CARD: CardKeys = CardKeys {
    prefix: "card",
    number: "number",
    cvv: "ccv",
    month: "expiry_month",
    year: "expiry_year",
};

/// Whether a public payment body is in the browser SDK's nested shape (it has a `card` key).
pub fn is_sdk_shape(payload: &Value) -> bool {
    payload.get("card").is_some()
}

/// The documented flat body of a public payment sent in either shape. A nested body's card fields
/// move to their flat names ([`SDK_CARD_NAMES`]; `card_token` and `card_cryptogram` keep theirs);
/// every other key is kept as it is. A flat body is returned as it is.
pub fn flat_public_payment(payload: &Value) -> Value {
    let Some(obj) = payload.as_object() else {
        return payload.clone();
    };
    let Some(card) = obj.get("card") else {
        return payload.clone();
    };
    let mut flat = Map::new();
    if let Some(card) = card.as_object() {
        let names = SDK_CARD_NAMES
            .iter()
            .copied()
            .chain(SDK_CARD_EXTRAS.iter().map(|k| (*k, *k)));
        for (nested, flat_name) in names {
            if let Some(v) = card.get(nested).filter(|v| !v.is_null()) {
                flat.insert(flat_name.to_string(), v.clone());
            }
        }
    }
    for (k, v) in obj.iter().filter(|(k, _)| k.as_str() != "card") {
        flat.insert(k.clone(), v.clone());
    }
    Value::Object(flat)
}

/// The `card_brand` values of the 3DS set-up (`POST /api/v1/bank/public/setup-authentication`).
pub const THREEDS_SETUP_BRANDS: [&str; 8] = [
    "Visa",
    "MasterCard",
    "AmericanExpress",
    "Discover",
    "JCB",
    "DinersClub",
    "Hipercard",
    "Elo",
];

/// Validates the body of the 3DS device-data set-up: `transaction_reference`, `card_brand` (one of
/// [`THREEDS_SETUP_BRANDS`]), and the card's number, expiry month and year with a charge's card
/// rules. Never fails: every issue is returned, as [`super::validate`] does.
pub fn validate_threeds_setup(payload: &Value, today: Option<Date>) -> Vec<Issue> {
    let mut v = super::validator(today);
    let Some(obj) = payload.as_object() else {
        v.push(
            IssueCode::InvalidType,
            "",
            "the setup-authentication request body must be a JSON object",
        );
        return v.issues;
    };
    v.object(obj, THREEDS_SETUP, "");
    if let Some(brand) = Validator::text_of(obj, "card_brand")
        && !THREEDS_SETUP_BRANDS.contains(&brand)
    {
        v.push(
            IssueCode::InvalidValue,
            "card_brand",
            format!(
                "card_brand {} is not one of {}",
                quote(brand),
                THREEDS_SETUP_BRANDS.join(", ")
            ),
        );
    }
    v.card_rules(obj, &FLAT_CARD);
    v.issues
}

impl Validator {
    /// A payer's card payment, flat or nested.
    pub(super) fn public_payment(&mut self, obj: &Map<String, Value>) {
        let Some(card) = obj.get("card") else {
            self.object(obj, PUBLIC_PAYMENT, "");
            self.card_rules(obj, &FLAT_CARD);
            return;
        };
        let cryptogram = card
            .get("card_cryptogram")
            .and_then(Value::as_str)
            .is_some_and(|c| !c.trim().is_empty());
        let spec = if cryptogram {
            PUBLIC_PAYMENT_SDK_WITH_CRYPTOGRAM
        } else {
            PUBLIC_PAYMENT_SDK
        };
        self.object(obj, spec, "");
        if let Some(card) = card.as_object() {
            self.card_rules(card, &SDK_CARD);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::schedule::parse_date;
    use crate::validate::{RequestKind, prepare, validate};

    fn today() -> Option<crate::schedule::Date> {
        parse_date("2026-11-21", "today").ok()
    }

    fn flat_card() -> Value {
        json!({"card_number": "4024007153763130", "card_name": "Zhang Wei",
            "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123",
            "payer_tax_id": "123.456.789-09",
            "device_info": {"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0"}})
    }

    /// The browser SDK's shape of a flat body: the card fields moved under `card`.
    fn nested(flat: &Value) -> Value {
        let mut out = flat.as_object().cloned().unwrap_or_default();
        let mut card = Map::new();
        for (sdk, flat_name) in SDK_CARD_NAMES {
            if let Some(v) = out.remove(flat_name) {
                card.insert(sdk.to_string(), v);
            }
        }
        out.insert("card".into(), Value::Object(card));
        Value::Object(out)
    }

    /// An issue of the nested shape, with its paths written in the flat names.
    fn as_flat(issue: &Issue) -> Issue {
        let rename = |text: &str| {
            SDK_CARD_NAMES
                .iter()
                .fold(text.to_string(), |t, (sdk, flat)| {
                    t.replace(&format!("card.{sdk}"), flat)
                })
        };
        Issue {
            field: rename(&issue.field),
            description: rename(&issue.description),
            ..issue.clone()
        }
    }

    #[test]
    fn the_same_mistake_gives_the_same_issue_in_either_shape() {
        let mistakes: Vec<(&str, Value)> = vec![
            ("card_number", json!("1234")),
            ("card_number", json!("4024 0071 5376 3131")),
            ("card_number", json!(4024007153763130u64)),
            ("card_name", json!("")),
            ("card_name", Value::Null),
            ("card_cvv", json!("12")),
            ("card_cvv", json!("")),
            ("card_cvv", json!(123)),
            ("card_expiry_month", json!("13")),
            ("card_expiry_month", json!(12)),
            ("card_expiry_year", json!("30")),
            ("card_expiry_year", json!("2025")),
            ("device_info", json!("Mozilla")),
            ("payer_tax_id", json!(12345678909u64)),
            ("surprise", json!(1)),
        ];
        for (key, value) in mistakes {
            let mut flat = flat_card();
            match value {
                Value::Null => {
                    flat.as_object_mut().map(|o| o.remove(key));
                }
                v => flat[key] = v,
            }
            let flat_issues = validate(RequestKind::PublicPayment, &flat, today());
            let nested_issues: Vec<Issue> =
                validate(RequestKind::PublicPayment, &nested(&flat), today())
                    .iter()
                    .map(as_flat)
                    .collect();
            assert!(!flat_issues.is_empty(), "{key}: no issue for the mistake");
            assert_eq!(flat_issues, nested_issues, "{key}");
        }
        let amex = json!({"card_number": "378282246310005", "card_cvv": "123"});
        let mut flat = flat_card();
        for (k, v) in amex.as_object().into_iter().flatten() {
            flat[k] = v.clone();
        }
        let nested_issues: Vec<Issue> =
            validate(RequestKind::PublicPayment, &nested(&flat), today())
                .iter()
                .map(as_flat)
                .collect();
        assert_eq!(
            validate(RequestKind::PublicPayment, &flat, today()),
            nested_issues
        );
        assert_eq!(nested_issues[0].field, "card_cvv");
    }

    #[test]
    fn a_clean_sdk_body_passes_and_flattens_to_the_documented_body() {
        let sdk = json!({
            "device_info": {"device_id": "d1", "ip_address": "", "session_id": "ref-1",
                "user_agent": "Mozilla/5.0", "http_accept_content": "text/html",
                "http_browser_language": "pt-BR", "http_browser_java_enabled": false,
                "http_browser_javascript_enabled": true, "http_browser_color_depth": "24",
                "http_browser_screen_height": "1080", "http_browser_screen_width": "1920",
                "http_browser_time_difference": "180", "http_accept_browser_value": "Mozilla/5.0"},
            "payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com",
            "payer_tax_id": "12345678909", "cell_phone": "5511999999999",
            "card": {"holder_name": "Zhang Wei", "number": "4024 0071 5376 3130",
                "expiry_month": "12", "expiry_year": "2030", "ccv": "123"},
            "address": {"postal_code": "01310100", "street": "Av. Paulista", "address_number": "1000",
                "complement": "", "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
                "country": "BR"},
            "shipping_address": {"postal_code": "01310100", "street": "Av. Paulista",
                "address_number": "1000", "complement": "", "neighborhood": "Bela Vista",
                "city": "São Paulo", "state": "SP", "country": "BR"},
        });
        assert!(is_sdk_shape(&sdk));
        let p = prepare(RequestKind::PublicPayment, &sdk, today());
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let flat = flat_public_payment(&p.payload);
        assert_eq!(
            flat["card_number"], "4024007153763130",
            "normalized, then moved"
        );
        assert_eq!(flat["card_cvv"], "123");
        assert_eq!(flat["card_name"], "Zhang Wei");
        assert_eq!(flat["address"]["city"], "São Paulo", "other keys kept");
        assert!(flat.get("card").is_none());
        let flat_issues = validate(RequestKind::PublicPayment, &flat_card(), today());
        assert!(flat_issues.is_empty(), "{flat_issues:?}");
        assert_eq!(flat_public_payment(&flat_card()), flat_card());
    }

    #[test]
    fn a_cryptogram_stands_in_for_the_ccv() {
        let mut sdk = nested(&flat_card());
        sdk["card"].as_object_mut().map(|c| c.remove("ccv"));
        let issues = validate(RequestKind::PublicPayment, &sdk, today());
        assert_eq!(issues.len(), 1);
        assert_eq!(
            (issues[0].code.as_str(), issues[0].field.as_str()),
            ("REQUIRED_FIELD", "card.ccv")
        );
        sdk["card"]["card_cryptogram"] = json!("AgAAAAAABk4DWZ4C28yUQAAAAAA=");
        assert!(validate(RequestKind::PublicPayment, &sdk, today()).is_empty());
        assert_eq!(
            flat_public_payment(&sdk)["card_cryptogram"],
            "AgAAAAAABk4DWZ4C28yUQAAAAAA="
        );
    }

    #[test]
    fn the_threeds_setup_is_checked_with_the_card_rules() {
        let good = json!({"transaction_reference": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "card_brand": "Visa", "card_expiry_month": "08", "card_expiry_year": "2029",
            "card_number": "4024007153763130"});
        assert!(validate_threeds_setup(&good, today()).is_empty());
        let mut bad = good.clone();
        bad["card_brand"] = json!("visa");
        bad["card_expiry_year"] = json!("2025");
        bad["card_number"] = json!("40240071");
        bad.as_object_mut()
            .map(|o| o.remove("transaction_reference"));
        let codes: Vec<(String, String)> = validate_threeds_setup(&bad, today())
            .into_iter()
            .map(|i| (i.code.as_str().to_string(), i.field))
            .collect();
        assert_eq!(
            codes,
            [
                ("REQUIRED_FIELD", "transaction_reference"),
                ("INVALID_CARD_NUMBER", "card_number"),
                ("INVALID_VALUE", "card_brand"),
                ("EXPIRED_CARD", "card_expiry_year"),
            ]
            .map(|(c, f)| (c.to_string(), f.to_string()))
        );
        let not_object = validate_threeds_setup(&json!([]), today());
        assert_eq!(not_object[0].code, IssueCode::InvalidType);
    }

    #[test]
    fn the_sdk_fields_have_their_own_types() {
        let mut sdk = nested(&flat_card());
        sdk["payer_email"] = json!("not-an-email");
        sdk["cell_phone"] = json!("12");
        sdk["card"] = json!("4024007153763130");
        sdk["address"] = json!({"country": "Brasil"});
        let codes: Vec<(String, String)> = validate(RequestKind::PublicPayment, &sdk, today())
            .into_iter()
            .map(|i| (i.code.as_str().to_string(), i.field))
            .collect();
        assert_eq!(
            codes,
            [
                ("INVALID_TYPE", "card"),
                ("INVALID_EMAIL", "payer_email"),
                ("INVALID_PHONE", "cell_phone"),
                ("INVALID_COUNTRY", "address.country"),
            ]
            .map(|(c, f)| (c.to_string(), f.to_string()))
        );
    }
}
