//! JSON schemas of the models (feature `schema`): what each request and response looks like on
//! the wire (not the host shape of `schema.rs` and `encode.rs`), for documents such as the
//! emulator's OpenAPI description (`emulator/openapi.json`).
//!
//! The models' own Rust types are not always their wire types: an amount is a `Decimal` written as
//! a JSON number with its digits, a date a `NaiveDate` written `YYYY-MM-DD`, a status an enum that
//! keeps unknown text. The schema types here describe the wire form, and the models' fields name
//! them with `#[schemars(with = …)]`. A request's `required` list comes from the same field table
//! the validation walks ([`payload_fields`]).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use super::{ServerMessage, TextOrNumber, TypeCharge};
use crate::money::Currency;
use crate::schedule::Cycle;
use crate::validate::RequestKind;
use crate::validate::describe::payload_fields;

/// An amount as A55 writes it: a JSON number with exactly its digits (`150.00`).
pub struct Amount;

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "An amount: a JSON number with exactly its digits (150.00)."
        })
    }
}

/// An amount written as decimal text (`"49.90"`), as a subscription's charges and the webhook
/// events give it.
pub struct AmountText;

impl JsonSchema for AmountText {
    fn schema_name() -> Cow<'static, str> {
        "AmountText".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "description": "An amount as decimal text (\"49.90\")."
        })
    }
}

/// A calendar date, `YYYY-MM-DD`.
pub struct DateText;

impl JsonSchema for DateText {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "DateText".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "format": "date"})
    }
}

/// A charge's `message`: the list of problems of a failed charge, null when there are none, or the
/// empty object a cancel answers with.
pub struct Messages;

impl JsonSchema for Messages {
    fn schema_name() -> Cow<'static, str> {
        "Messages".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<ServerMessage>();
        json_schema!({
            "anyOf": [
                {"type": "array", "items": item},
                {"type": "null"},
                {"type": "object", "maxProperties": 0}
            ]
        })
    }
}

/// A string schema of known values.
pub(crate) fn string_enum<'a>(values: impl IntoIterator<Item = &'a str>) -> Schema {
    let values: Vec<Value> = values.into_iter().map(Value::from).collect();
    json_schema!({"type": "string", "enum": values})
}

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(Currency::ALL.iter().map(|c| c.code()))
    }
}

impl JsonSchema for Cycle {
    fn schema_name() -> Cow<'static, str> {
        "Cycle".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(Cycle::ALL.iter().map(|c| c.as_str()))
    }
}

impl JsonSchema for TypeCharge {
    fn schema_name() -> Cow<'static, str> {
        "TypeCharge".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(TypeCharge::KNOWN.iter().map(TypeCharge::as_str))
    }
}

impl JsonSchema for TextOrNumber {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "TextOrNumber".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": ["string", "number"]})
    }
}

/// Adds a request kind's required fields to its schema; a required text field may not be empty
/// (validation answers `REQUIRED_FIELD` for `""`).
fn require(schema: &mut Schema, kind: RequestKind) {
    let required: Vec<&str> = payload_fields(kind)
        .into_iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        for name in &required {
            if let Some(prop) = props.get_mut(*name).and_then(Value::as_object_mut)
                && prop.get("type") == Some(&Value::from("string"))
            {
                prop.insert("minLength".into(), Value::from(1));
            }
        }
    }
    let names: Vec<Value> = required.into_iter().map(Value::from).collect();
    schema.insert("required".into(), Value::Array(names));
}

macro_rules! required {
    ($($name:ident => $kind:ident),* $(,)?) => {$(
        /// Sets the `required` list of this kind's request schema.
        pub(crate) fn $name(schema: &mut Schema) {
            require(schema, RequestKind::$kind);
        }
    )*};
}

required!(
    wallet_required => Wallet,
    charge_required => Charge,
    pix_charge_required => PixCharge,
    checkout_required => Checkout,
    refund_required => Refund,
    capture_required => Capture,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{ChargeRequest, RefundRequest};

    #[test]
    fn request_schemas_carry_the_validation_tables_required_fields() {
        let schema = schemars::schema_for!(ChargeRequest);
        let required = schema.get("required").unwrap().as_array().unwrap();
        assert!(required.contains(&Value::from("installment_value")));
        assert!(!required.contains(&Value::from("webhook_url")));
        let props = schema.get("properties").unwrap();
        assert_eq!(props["installment_value"]["$ref"], "#/$defs/Amount");
        assert_eq!(props["due_date"]["format"], "date");
        assert_eq!(props["payer_name"]["minLength"], 1);
        let refund = schemars::schema_for!(RefundRequest);
        assert_eq!(
            refund.get("required").unwrap(),
            &serde_json::json!(["charge_uuid", "wallet_uuid"])
        );
    }
}
