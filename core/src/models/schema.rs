//! The response models' field lists, for the language packages that build one class per model
//! (Python's `a55.Charge`, …) from core's definitions instead of writing them twice.
//!
//! Each [`ModelSchema`] names a response model and lists its fields in the order the host shape
//! (`Serialize`, see `encode.rs`) writes them, each with its [`FieldKind`]. A test below writes a
//! value of every model with every field set and checks that the host shape has exactly these keys,
//! each of the kind listed: a field added to, renamed in or removed from a model fails it until this
//! table follows.

use super::TypeCharge;
use crate::money::Currency;
use crate::schedule::Cycle;
use crate::status::{ChargeStatus, CheckoutStatus, PaymentLinkStatus, SubscriptionStatus};

/// A closed set of wire values that responses keep open (an unknown value is kept as its text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnumSchema {
    /// [`ChargeStatus`].
    ChargeStatus,
    /// [`SubscriptionStatus`].
    SubscriptionStatus,
    /// [`CheckoutStatus`].
    CheckoutStatus,
    /// [`PaymentLinkStatus`].
    PaymentLinkStatus,
    /// [`Currency`].
    Currency,
    /// [`Cycle`] (a subscription's billing cycle).
    Cycle,
    /// [`TypeCharge`] (a payment method).
    TypeCharge,
}

impl EnumSchema {
    /// Every enum.
    pub const ALL: [EnumSchema; 7] = [
        EnumSchema::ChargeStatus,
        EnumSchema::SubscriptionStatus,
        EnumSchema::CheckoutStatus,
        EnumSchema::PaymentLinkStatus,
        EnumSchema::Currency,
        EnumSchema::Cycle,
        EnumSchema::TypeCharge,
    ];

    /// The type's name (`ChargeStatus`).
    pub fn name(self) -> &'static str {
        match self {
            EnumSchema::ChargeStatus => "ChargeStatus",
            EnumSchema::SubscriptionStatus => "SubscriptionStatus",
            EnumSchema::CheckoutStatus => "CheckoutStatus",
            EnumSchema::PaymentLinkStatus => "PaymentLinkStatus",
            EnumSchema::Currency => "Currency",
            EnumSchema::Cycle => "Cycle",
            EnumSchema::TypeCharge => "TypeCharge",
        }
    }

    /// The wire values this version knows, in the catalogue's order.
    pub fn values(self) -> Vec<&'static str> {
        match self {
            EnumSchema::ChargeStatus => ChargeStatus::KNOWN.iter().map(|s| s.as_str()).collect(),
            EnumSchema::SubscriptionStatus => SubscriptionStatus::KNOWN
                .iter()
                .map(|s| s.as_str())
                .collect(),
            EnumSchema::CheckoutStatus => {
                CheckoutStatus::KNOWN.iter().map(|s| s.as_str()).collect()
            }
            EnumSchema::PaymentLinkStatus => PaymentLinkStatus::KNOWN
                .iter()
                .map(|s| s.as_str())
                .collect(),
            EnumSchema::Currency => Currency::ALL.iter().map(|c| c.code()).collect(),
            EnumSchema::Cycle => Cycle::ALL.iter().map(|c| c.as_str()).collect(),
            EnumSchema::TypeCharge => TypeCharge::KNOWN.iter().map(|t| t.as_str()).collect(),
        }
    }

    /// The values that are terminal (no further change expected), for the statuses; empty for
    /// the other enums.
    pub fn terminal_values(self) -> Vec<&'static str> {
        fn terminal<T>(
            known: &'static [T],
            is: fn(&T) -> bool,
            text: fn(&'static T) -> &'static str,
        ) -> Vec<&'static str> {
            known.iter().filter(|s| is(s)).map(text).collect()
        }
        match self {
            EnumSchema::ChargeStatus => {
                terminal(ChargeStatus::KNOWN, ChargeStatus::is_terminal, |s| {
                    s.as_str()
                })
            }
            EnumSchema::SubscriptionStatus => terminal(
                SubscriptionStatus::KNOWN,
                SubscriptionStatus::is_terminal,
                |s| s.as_str(),
            ),
            EnumSchema::CheckoutStatus => {
                terminal(CheckoutStatus::KNOWN, CheckoutStatus::is_terminal, |s| {
                    s.as_str()
                })
            }
            EnumSchema::PaymentLinkStatus => terminal(
                PaymentLinkStatus::KNOWN,
                PaymentLinkStatus::is_terminal,
                |s| s.as_str(),
            ),
            _ => Vec::new(),
        }
    }
}

/// What a field holds, in the host shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text (`null` when absent).
    Text,
    /// An amount: decimal text with the digits the server sent.
    Amount,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A whole number (counts, page numbers).
    Count,
    /// A secret the caller must store (a wallet's client secret): text that a repr never shows.
    Secret,
    /// One value of an open enum, as its wire text.
    Enum(EnumSchema),
    /// A nested model, by its schema name.
    Model(&'static str),
    /// A list of nested models (never `null`).
    Models(&'static str),
    /// A list of texts (never `null`).
    Texts,
}

/// One field of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSchema {
    /// Its name (the Rust field's, which the host shape uses).
    pub name: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// Whether it is always present (a list, a charge's status); otherwise it may be `null`.
    pub required: bool,
}

/// A response model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelSchema {
    /// The class name (`Charge`; `ChargePage` for `Page<Charge>`).
    pub name: &'static str,
    /// One sentence for its class documentation.
    pub doc: &'static str,
    /// Its fields, in the host shape's order.
    pub fields: &'static [FieldSchema],
}

/// An optional field (`null` when absent).
pub(crate) const fn f(name: &'static str, kind: FieldKind) -> FieldSchema {
    FieldSchema {
        name,
        kind,
        required: false,
    }
}

/// A field that is always present.
pub(crate) const fn always(name: &'static str, kind: FieldKind) -> FieldSchema {
    FieldSchema {
        name,
        kind,
        required: true,
    }
}

use EnumSchema as E;
use FieldKind::{Amount, Count, Date, Enum, Model, Models, Secret, Text, Texts};

/// Every response model, nested ones first.
pub const MODELS: &[ModelSchema] = &[
    ModelSchema {
        name: "ServerMessage",
        doc: "One entry of a charge's `message` list: why A55 declined or refused it.",
        fields: &[
            f("code", Text),
            f("source", Text),
            f("description", Text),
            f("field", Text),
        ],
    },
    ModelSchema {
        name: "Installment",
        doc: "One installment of a charge.",
        fields: &[
            f("local_currency", Amount),
            f("currency", Enum(E::Currency)),
            f("usd_currency", Amount),
            f("eur_currency", Amount),
            f("due_date", Date),
            f("status", Enum(E::ChargeStatus)),
            f("installment_number", Count),
        ],
    },
    ModelSchema {
        name: "PixPayload",
        doc: "A PIX charge's payment data: the BR Code text and its QR code image.",
        fields: &[
            f("qr_code_base64", Text),
            f("copy_paste", Text),
            f("expiration", Text),
        ],
    },
    ModelSchema {
        name: "SubscriptionInfo",
        doc: "The subscription created with a charge.",
        fields: &[
            f("subscription_uuid", Text),
            f("cycle", Enum(E::Cycle)),
            f("status", Enum(E::SubscriptionStatus)),
            f("next_charge_date", Date),
            f("end_date", Date),
        ],
    },
    ModelSchema {
        name: "Charge",
        doc: "A charge, as create, get, list, refund, cancel and capture describe it.",
        fields: &[
            f("charge_uuid", Text),
            always("status", Enum(E::ChargeStatus)),
            f("local_currency", Amount),
            f("currency", Enum(E::Currency)),
            f("usd_currency", Amount),
            f("eur_currency", Amount),
            f("type_charge", Enum(E::TypeCharge)),
            f("date", Text),
            f("description", Text),
            f("due_date", Date),
            f("installment_count", Count),
            always("installments", Models("Installment")),
            f("charge_payment_url", Text),
            f("url_3ds", Text),
            always("message", Models("ServerMessage")),
            f("subscription", Model("SubscriptionInfo")),
            f("pix_payload", Model("PixPayload")),
            f("boleto_url", Text),
            f("barcode", Text),
            f("wallet_uuid", Text),
            f("refunded_amount", Amount),
        ],
    },
    ModelSchema {
        name: "WalletCredentials",
        doc: "OAuth credentials issued with a wallet: shown once, store the secret.",
        fields: &[
            f("client_id", Text),
            f("client_secret", Secret),
            f("grant_type", Text),
            always("scopes", Texts),
        ],
    },
    ModelSchema {
        name: "Wallet",
        doc: "A wallet.",
        fields: &[
            f("wallet_uuid", Text),
            f("entity_uuid", Text),
            f("merchant_uuid", Text),
            f("customer_id", Text),
            f("currency", Enum(E::Currency)),
            f("name", Text),
            f("email", Text),
            f("credentials", Model("WalletCredentials")),
        ],
    },
    ModelSchema {
        name: "CheckoutSession",
        doc: "A hosted checkout session: send the payer to `checkout_url`.",
        fields: &[
            f("checkout_uuid", Text),
            f("checkout_url", Text),
            f("status", Enum(E::CheckoutStatus)),
            f("amount", Amount),
            f("currency", Enum(E::Currency)),
            f("expires_at", Text),
            f("charge_uuid", Text),
        ],
    },
    ModelSchema {
        name: "PaymentLink",
        doc: "A payment link (a reusable hosted page).",
        fields: &[
            f("payment_link_uuid", Text),
            f("status", Enum(E::PaymentLinkStatus)),
            f("url", Text),
            f("local_currency", Amount),
            f("currency", Enum(E::Currency)),
            f("usd_currency", Amount),
            f("eur_currency", Amount),
        ],
    },
    ModelSchema {
        name: "ChargePage",
        doc: "One page of a wallet's charges.",
        fields: &[
            f("page", Count),
            f("limit", Count),
            f("total", Count),
            f("pages", Count),
            always("data", Models("Charge")),
        ],
    },
    ModelSchema {
        name: "SubscriptionCharge",
        doc: "A charge made by a subscription.",
        fields: &[
            f("charge_uuid", Text),
            f("amount", Amount),
            f("status", Enum(E::ChargeStatus)),
            f("created_at", Text),
        ],
    },
    ModelSchema {
        name: "Subscription",
        doc: "A subscription.",
        fields: &[
            f("subscription_uuid", Text),
            f("cycle", Enum(E::Cycle)),
            f("end_date", Date),
            f("status", Enum(E::SubscriptionStatus)),
            f("description", Text),
            f("next_due_date", Date),
            f("cancelled_at", Text),
            always("charges", Models("SubscriptionCharge")),
        ],
    },
    ModelSchema {
        name: "PublicCharge",
        doc: "What the public (no token) charge endpoint says about a charge.",
        fields: &[
            f("charge_uuid", Text),
            always("status", Enum(E::ChargeStatus)),
            f("redirect_url", Text),
            f("value", Amount),
            f("currency", Enum(E::Currency)),
            f("type_charge", Enum(E::TypeCharge)),
            f("installment_count", Count),
            always("message", Models("ServerMessage")),
        ],
    },
];

/// A model's schema by name.
pub fn model(name: &str) -> Option<&'static ModelSchema> {
    MODELS.iter().find(|m| m.name == name)
}

/// The model a method of the client answers with.
#[cfg(feature = "client")]
pub fn response_model(op: crate::client::facade::Operation) -> &'static str {
    use crate::client::facade::Operation as O;
    match op {
        O::CreateWallet | O::GetWallet => "Wallet",
        O::ListCharges => "ChargePage",
        O::GetSubscription | O::CancelSubscription => "Subscription",
        O::CreateCheckout => "CheckoutSession",
        O::CreatePaymentLink => "PaymentLink",
        O::GetPublicCharge => "PublicCharge",
        O::CreateCharge
        | O::CreatePixCharge
        | O::CreateSubscription
        | O::GetCharge
        | O::ListAllCharges
        | O::RefundCharge
        | O::CaptureCharge
        | O::CancelCharge
        | O::WaitForCharge
        | O::PayPublicCharge => "Charge",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Map, Value, json};

    use super::*;
    use crate::models::{
        Charge, CheckoutSession, Installment, Page, PaymentLink, PixPayload, PublicCharge,
        ServerMessage, Subscription, SubscriptionCharge, SubscriptionInfo, Wallet,
        WalletCredentials,
    };

    /// A wire value of every field, read by the schema (nested models recursively).
    fn sample(name: &str) -> Value {
        let schema = model(name).unwrap();
        let mut out = Map::new();
        for field in schema.fields {
            let v = match field.kind {
                Text | Secret => json!("text"),
                Amount => json!("12.50"),
                Date => json!("2026-01-31"),
                Count => json!(3),
                Enum(e) => json!(e.values()[1]),
                Model(m) => sample(m),
                Models(m) => json!([sample(m)]),
                Texts => json!(["a"]),
            };
            out.insert(field.name.to_string(), v);
        }
        Value::Object(out)
    }

    fn check(name: &str, host: Value) {
        let schema = model(name).unwrap();
        let obj = host.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut names: Vec<&str> = schema.fields.iter().map(|f| f.name).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        names.sort_unstable();
        assert_eq!(
            sorted, names,
            "{name}: the schema's fields are the host shape's keys"
        );
        for field in schema.fields {
            let v = &obj[field.name];
            let ok = match field.kind {
                Text | Secret => v == "text",
                Amount => v == "12.50",
                Date => v == "2026-01-31",
                Count => v == 3,
                Enum(e) => v == e.values()[1],
                Model(m) => {
                    check(m, v.clone());
                    true
                }
                Models(m) => {
                    check(m, v[0].clone());
                    v.as_array().unwrap().len() == 1
                }
                Texts => v == &json!(["a"]),
            };
            assert!(ok, "{name}.{}: {v} is not a {:?}", field.name, field.kind);
        }
    }

    fn round_trip<T: DeserializeOwned + Serialize>(name: &str) {
        let value: T = serde_json::from_value(sample(name)).unwrap();
        check(name, serde_json::to_value(&value).unwrap());
    }

    #[test]
    fn every_model_is_written_with_exactly_its_schema() {
        round_trip::<ServerMessage>("ServerMessage");
        round_trip::<Installment>("Installment");
        round_trip::<PixPayload>("PixPayload");
        round_trip::<SubscriptionInfo>("SubscriptionInfo");
        round_trip::<Charge>("Charge");
        round_trip::<WalletCredentials>("WalletCredentials");
        round_trip::<Wallet>("Wallet");
        round_trip::<CheckoutSession>("CheckoutSession");
        round_trip::<PaymentLink>("PaymentLink");
        round_trip::<Page<Charge>>("ChargePage");
        round_trip::<SubscriptionCharge>("SubscriptionCharge");
        round_trip::<Subscription>("Subscription");
        round_trip::<PublicCharge>("PublicCharge");
        assert_eq!(MODELS.len(), 13);
    }

    #[test]
    fn nested_models_come_first_and_enums_know_their_values() {
        for (i, m) in MODELS.iter().enumerate() {
            for field in m.fields {
                if let Model(n) | Models(n) = field.kind {
                    let at = MODELS.iter().position(|x| x.name == n).unwrap();
                    assert!(at < i, "{} is listed before {}", n, m.name);
                }
            }
        }
        for e in EnumSchema::ALL {
            assert!(e.values().len() >= 2, "{}", e.name());
        }
        assert!(
            EnumSchema::ChargeStatus
                .terminal_values()
                .contains(&"refunded")
        );
    }

    #[cfg(feature = "client")]
    #[test]
    fn every_method_answers_a_known_model() {
        for op in crate::client::facade::Operation::ALL {
            assert!(model(response_model(op)).is_some(), "{op:?}");
        }
    }
}
