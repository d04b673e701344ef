//! The helpers' result types in the host shape: [`Issue`], [`BrCode`] and [`WebhookEvent`] written
//! by `Serialize` the way every package hands them to its users, and described field by field
//! ([`HELPER_MODELS`], with the kinds of `models::schema`) so that packages generate their types
//! from core instead of declaring them again.
//!
//! An issue is `{code, severity, field, description}`; a BR Code its EMV fields by name (absent ones
//! `null`); a webhook event its fields, `dedup_key` (`"{charge_uuid}:{status}"`) and `raw_json`, the
//! body as JSON text.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::codes::Issue;
use crate::field_lists::declare_struct;
use crate::models::schema::{EnumSchema, FieldKind, ModelSchema, always, f};
use crate::pix::BrCode;
use crate::webhook::WebhookEvent as ParsedEvent;

impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Issue", 4)?;
        st.serialize_field("code", self.code.as_str())?;
        st.serialize_field("severity", self.severity.as_str())?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("description", &self.description)?;
        st.end()
    }
}

impl Serialize for BrCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("BrCode", 15)?;
        st.serialize_field("payload_format_indicator", &self.payload_format_indicator)?;
        st.serialize_field(
            "point_of_initiation_method",
            &self.point_of_initiation_method,
        )?;
        st.serialize_field("gui", &self.gui)?;
        st.serialize_field("key", &self.key)?;
        st.serialize_field("url", &self.url)?;
        st.serialize_field("description", &self.description)?;
        st.serialize_field("merchant_category_code", &self.merchant_category_code)?;
        st.serialize_field("transaction_currency", &self.transaction_currency)?;
        st.serialize_field("amount", &self.amount)?;
        st.serialize_field("country_code", &self.country_code)?;
        st.serialize_field("merchant_name", &self.merchant_name)?;
        st.serialize_field("merchant_city", &self.merchant_city)?;
        st.serialize_field("postal_code", &self.postal_code)?;
        st.serialize_field("txid", &self.txid)?;
        st.serialize_field("crc", &self.crc)?;
        st.end()
    }
}

crate::a55_host_webhook_event_fields!(declare_struct! {
    {
        /// A verified charge event as every package hands it to its users: the status as text,
        /// the key to deduplicate deliveries on, and the body as JSON text.
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
        pub struct WebhookEvent
    }
});

/// The host event of a parsed one: the shared fields copied, the rest derived (the body is
/// written as text, never copied as a tree).
macro_rules! host_event {
    ({ $event:ident } { $($before:tt)* } { $($after:tt)* } $($(#[$doc:meta])* $field:ident : $ty:ty,)*) => {
        WebhookEvent {
            charge_uuid: $event.charge_uuid.clone(),
            status: $event.status.as_str().to_string(),
            $($field: $event.$field.clone(),)*
            dedup_key: $event.dedup_key(),
            raw_json: $event.raw.to_string(),
        }
    };
}

impl From<&ParsedEvent> for WebhookEvent {
    fn from(event: &ParsedEvent) -> WebhookEvent {
        crate::a55_host_webhook_event_fields!(host_event! { { event } })
    }
}

impl Serialize for ParsedEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        WebhookEvent::from(self).serialize(s)
    }
}

use FieldKind::Text;

/// The helpers' result types, as `Serialize` writes them.
pub const HELPER_MODELS: &[ModelSchema] = &[
    ModelSchema {
        name: "Issue",
        doc: "One problem found in a request: its code (docs/issue-codes.md), `error` or `warning`, the field's path and a sentence that never quotes a card number, a secret or a tax id.",
        fields: &[
            always("code", Text),
            always("severity", Text),
            always("field", Text),
            always("description", Text),
        ],
    },
    ModelSchema {
        name: "BrCode",
        doc: "The fields of a PIX BR Code, by their EMV names; absent fields are `null`.",
        fields: &[
            always("payload_format_indicator", Text),
            f("point_of_initiation_method", Text),
            always("gui", Text),
            f("key", Text),
            f("url", Text),
            f("description", Text),
            always("merchant_category_code", Text),
            always("transaction_currency", Text),
            f("amount", Text),
            always("country_code", Text),
            always("merchant_name", Text),
            always("merchant_city", Text),
            f("postal_code", Text),
            f("txid", Text),
            always("crc", Text),
        ],
    },
    ModelSchema {
        name: "WebhookEvent",
        doc: "A verified charge event: A55's fields (`cancelled` reads as `canceled`), the key to deduplicate deliveries on, and the body as JSON text.",
        fields: &[
            always("charge_uuid", Text),
            always("status", FieldKind::Enum(EnumSchema::ChargeStatus)),
            f("transaction_reference", Text),
            f("subscription_uuid", Text),
            f("payment_link_uuid", Text),
            f("amount", Text),
            f("currency", Text),
            f("error_code", Text),
            f("error_message", Text),
            f("refund_amount", Text),
            f("chargeback_reason", Text),
            f("created_at", Text),
            f("updated_at", Text),
            always("dedup_key", Text),
            always("raw_json", Text),
        ],
    },
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::Value;

    use super::*;
    use crate::codes::IssueCode;

    fn keys_match(name: &str, value: Value) {
        let schema = HELPER_MODELS.iter().find(|m| m.name == name).unwrap();
        let obj = value.as_object().unwrap();
        let mut have: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut want: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
        have.sort_unstable();
        want.sort_unstable();
        assert_eq!(have, want, "{name}");
        for field in schema.fields.iter().filter(|f| f.required) {
            assert!(!obj[field.name].is_null(), "{name}.{}", field.name);
        }
    }

    #[test]
    fn every_helper_type_is_written_with_exactly_its_schema() {
        let issue = Issue::new(IssueCode::AmountInvalid, "amount", "bad");
        let v = serde_json::to_value(&issue).unwrap();
        assert_eq!(v["code"], "AMOUNT_INVALID");
        assert_eq!(v["severity"], "error");
        keys_match("Issue", v);

        let code = crate::pix::build_pix_brcode(&crate::pix::BrCodeSpec {
            url: "pix.example.com/qr/v2/1",
            amount: Some("10.00"),
            merchant_name: "LOJA",
            merchant_city: "SAO PAULO",
            txid: Some("TX1"),
        });
        let parsed = crate::pix::parse_pix_brcode(&code.unwrap()).unwrap();
        keys_match("BrCode", serde_json::to_value(&parsed).unwrap());

        let event = crate::webhook::parse_webhook_event(
            br#"{"charge_uuid":"c1","status":"cancelled","extra":1}"#,
        )
        .unwrap();
        let v = serde_json::to_value(&event).unwrap();
        assert_eq!(v["status"], "canceled");
        assert_eq!(v["dedup_key"], "c1:canceled");
        assert_eq!(
            serde_json::from_str::<Value>(v["raw_json"].as_str().unwrap()).unwrap()["extra"],
            1
        );
        keys_match("WebhookEvent", v);
    }
}
