//! Response types. Reading is tolerant: unknown fields are kept in `raw`, unknown enum values
//! (statuses, currencies, cycles, payment methods) in `Unknown(..)`, amounts are read exactly from
//! numbers or numeric strings into `Decimal`, dates written `YYYY-MM-DD` into `Date`, and a field of
//! an unexpected type (or a date that is not one) reads as absent instead of failing the whole
//! result. Date-times (`date`, `created_at`, `cancelled_at`, `expires_at`, `expiration`) stay text as
//! received.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::TypeCharge;
use super::decode::{
    Model, RawJson, de_amount, de_date, de_items, de_lenient, de_list, de_messages, de_status,
    de_text, de_u32, unknown_status,
};
use super::encode::{opt_amount, opt_date};
#[cfg(feature = "schema")]
use super::json_schema::{Amount, AmountText, DateText, Messages};
use super::lenient::Lenient;
use crate::codes::{Issue, IssueCode, Severity};
use crate::money::Currency;
use crate::redact::Secret;
use crate::schedule::{Cycle, Date};
use crate::status::{ChargeStatus, CheckoutStatus, PaymentLinkStatus, SubscriptionStatus};

macro_rules! model {
    ($($name:ident),*) => {$(
        impl Model for $name {
            fn set_raw(&mut self, raw: RawJson) {
                self.raw = raw;
            }
            fn raw(&self) -> &RawJson {
                &self.raw
            }
        }
    )*};
}

/// One entry of a charge-level `message` array: `{code, source, description, field}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServerMessage {
    /// A55's code (`INVALID_TAX_ID`, `error_threeds_authentication`, …).
    #[serde(default, deserialize_with = "de_text")]
    pub code: Option<String>,
    /// Where it came from (`validation`, `acquirer`, `authentication`, …).
    #[serde(default, deserialize_with = "de_text")]
    pub source: Option<String>,
    /// A55's explanation.
    #[serde(default, deserialize_with = "de_text")]
    pub description: Option<String>,
    /// The field, when A55 names one.
    #[serde(default, deserialize_with = "de_text")]
    pub field: Option<String>,
}

impl ServerMessage {
    /// The message as an issue (severity error).
    pub fn to_issue(&self) -> Issue {
        Issue {
            code: IssueCode::parse(self.code.as_deref().unwrap_or("UNKNOWN")),
            severity: Severity::Error,
            field: self.field.clone().unwrap_or_default(),
            description: self.description.clone().unwrap_or_default(),
        }
    }
}

/// One installment of a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Installment {
    /// The installment's amount in the charge's currency.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub local_currency: Option<Decimal>,
    /// Currency code; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub currency: Option<Lenient<Currency>>,
    /// Informative USD equivalent.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub usd_currency: Option<Decimal>,
    /// Informative EUR equivalent.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub eur_currency: Option<Decimal>,
    /// Due date (absent when the answer's text is not a `YYYY-MM-DD` date).
    #[serde(default, deserialize_with = "de_date", serialize_with = "opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    pub due_date: Option<Date>,
    /// Status of this installment.
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<ChargeStatus>,
    /// 1-based number.
    #[serde(default, deserialize_with = "de_u32")]
    pub installment_number: Option<u32>,
}

/// PIX payment data. Both documented namings are read (`qr_code_base64`/`qr_code`,
/// `copy_paste`/`payload`, `expiration`/`expiration_date`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PixPayload {
    /// Base64 PNG of the QR code.
    #[serde(default, alias = "qr_code", deserialize_with = "de_text")]
    pub qr_code_base64: Option<String>,
    /// The BR Code text ("pix copia e cola").
    #[serde(default, alias = "payload", deserialize_with = "de_text")]
    pub copy_paste: Option<String>,
    /// When the QR code expires (ISO 8601 date-time, as received).
    #[serde(default, alias = "expiration_date", deserialize_with = "de_text")]
    pub expiration: Option<String>,
}

/// The subscription created with a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubscriptionInfo {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub subscription_uuid: Option<String>,
    /// Its billing cycle; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub cycle: Option<Lenient<Cycle>>,
    /// Its status (`active` on creation).
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<SubscriptionStatus>,
    /// The date of the next automatic charge.
    #[serde(default, deserialize_with = "de_date", serialize_with = "opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    pub next_charge_date: Option<Date>,
    /// End date, or none for no end (or for text that is not a `YYYY-MM-DD` date).
    #[serde(default, deserialize_with = "de_date", serialize_with = "opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    pub end_date: Option<Date>,
}

/// A charge, as create, get, list, refund, cancel, capture and webhooks describe it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Charge {
    /// Its id (null on some validation errors).
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    /// Its status; a 200 with `status: "error"` is a declined or failed charge, not an exception.
    #[serde(default = "unknown_status", deserialize_with = "de_status")]
    pub status: ChargeStatus,
    /// Amount in the wallet's settlement currency.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub local_currency: Option<Decimal>,
    /// Currency code; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub currency: Option<Lenient<Currency>>,
    /// Informative USD equivalent.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub usd_currency: Option<Decimal>,
    /// Informative EUR equivalent.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub eur_currency: Option<Decimal>,
    /// Payment method (`type` in responses).
    #[serde(
        default,
        rename(deserialize = "type"),
        alias = "type_charge",
        deserialize_with = "de_lenient"
    )]
    pub type_charge: Option<TypeCharge>,
    /// Creation date, as A55 writes it (a date or a date-time; kept as text).
    #[serde(default, deserialize_with = "de_text")]
    pub date: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de_text")]
    pub description: Option<String>,
    /// First due date (absent when the answer's text is not a `YYYY-MM-DD` date).
    #[serde(default, deserialize_with = "de_date", serialize_with = "opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    pub due_date: Option<Date>,
    /// Number of installments.
    #[serde(default, deserialize_with = "de_u32")]
    pub installment_count: Option<u32>,
    /// Each installment.
    #[serde(default, deserialize_with = "de_list")]
    pub installments: Vec<Installment>,
    /// Hosted payment page.
    #[serde(default, deserialize_with = "de_text")]
    pub charge_payment_url: Option<String>,
    /// 3DS challenge URL when `pending`.
    #[serde(default, deserialize_with = "de_text")]
    pub url_3ds: Option<String>,
    /// Why the charge failed, when `status` is `error`.
    #[serde(default, deserialize_with = "de_messages")]
    #[cfg_attr(feature = "schema", schemars(with = "Messages"))]
    pub message: Vec<ServerMessage>,
    /// The subscription created with this charge.
    #[serde(default, deserialize_with = "de_lenient")]
    pub subscription: Option<SubscriptionInfo>,
    /// PIX data for PIX charges.
    #[serde(default, deserialize_with = "de_lenient")]
    pub pix_payload: Option<PixPayload>,
    /// Boleto PDF.
    #[serde(default, deserialize_with = "de_text")]
    pub boleto_url: Option<String>,
    /// Boleto digitable line.
    #[serde(default, deserialize_with = "de_text")]
    pub barcode: Option<String>,
    /// The wallet (cancel responses).
    #[serde(default, deserialize_with = "de_text")]
    pub wallet_uuid: Option<String>,
    /// Refunded so far, when A55 says.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub refunded_amount: Option<Decimal>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

impl Charge {
    /// The total: the sum of the installments when listed, else `local_currency`.
    pub fn total(&self) -> Option<Decimal> {
        if self.installments.is_empty() {
            self.local_currency
        } else {
            self.installments
                .iter()
                .map(|i| i.local_currency)
                .sum::<Option<Decimal>>()
        }
    }

    /// The messages as issues.
    pub fn issues(&self) -> Vec<Issue> {
        self.message.iter().map(ServerMessage::to_issue).collect()
    }
}

/// OAuth credentials issued with a wallet (`create_credentials: true`). Shown once: store the secret.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WalletCredentials {
    /// The OAuth client id.
    #[serde(default, deserialize_with = "de_text")]
    pub client_id: Option<String>,
    /// The OAuth client secret; `Debug` never shows it.
    #[serde(default)]
    pub client_secret: Secret,
    /// Always `client_credentials`.
    #[serde(default, deserialize_with = "de_text")]
    pub grant_type: Option<String>,
    /// Scopes granted.
    #[serde(default, deserialize_with = "de_list")]
    pub scopes: Vec<String>,
}

/// A wallet.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Wallet {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub wallet_uuid: Option<String>,
    /// The entity that owns it.
    #[serde(default, deserialize_with = "de_text")]
    pub entity_uuid: Option<String>,
    /// The merchant, when one was given.
    #[serde(default, deserialize_with = "de_text")]
    pub merchant_uuid: Option<String>,
    /// Your id for the wallet's customer.
    #[serde(default, deserialize_with = "de_text")]
    pub customer_id: Option<String>,
    /// Currency code; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub currency: Option<Lenient<Currency>>,
    /// Its name.
    #[serde(default, deserialize_with = "de_text")]
    pub name: Option<String>,
    /// Its email.
    #[serde(default, deserialize_with = "de_text")]
    pub email: Option<String>,
    /// Present only when the wallet was created with `create_credentials: true`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub credentials: Option<WalletCredentials>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// A hosted checkout session.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckoutSession {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub checkout_uuid: Option<String>,
    /// Send the payer here.
    #[serde(default, deserialize_with = "de_text")]
    pub checkout_url: Option<String>,
    /// Its status: `active` when ready to be paid.
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<CheckoutStatus>,
    /// The total.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub amount: Option<Decimal>,
    /// Currency code; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub currency: Option<Lenient<Currency>>,
    /// When the session expires (ISO 8601 date-time, as received).
    #[serde(default, deserialize_with = "de_text")]
    pub expires_at: Option<String>,
    /// Set once the payer has paid.
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// A payment link.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentLink {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub payment_link_uuid: Option<String>,
    /// Its status: `active` while it takes payments.
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<PaymentLinkStatus>,
    /// The link to send the payer.
    #[serde(default, deserialize_with = "de_text")]
    pub url: Option<String>,
    /// Amount in the wallet's settlement currency.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub local_currency: Option<Decimal>,
    /// Currency code; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub currency: Option<Lenient<Currency>>,
    /// Informative USD equivalent.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub usd_currency: Option<Decimal>,
    /// Informative EUR equivalent.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub eur_currency: Option<Decimal>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// One page of a list: `{page, limit, total, pages, data[]}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(bound(deserialize = "T: Model", serialize = "T: Serialize"))]
pub struct Page<T> {
    /// 1-based page number.
    #[serde(default, deserialize_with = "de_u32")]
    pub page: Option<u32>,
    /// Page size.
    #[serde(default, deserialize_with = "de_u32")]
    pub limit: Option<u32>,
    /// Items across all pages.
    #[serde(default, deserialize_with = "de_u32")]
    pub total: Option<u32>,
    /// Number of pages.
    #[serde(default, deserialize_with = "de_u32")]
    pub pages: Option<u32>,
    /// This page's items, each read by its type's rules and keeping its own raw JSON. An item
    /// that is not an object (or that its type cannot read) is skipped; it stays in the page's
    /// `raw`.
    #[serde(default, deserialize_with = "de_items")]
    pub data: Vec<T>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

impl<T: Model + Clone> Page<T> {
    /// A copy of the items; read `data` instead.
    #[deprecated(note = "the items are decoded already: read `data`")]
    pub fn items(&self) -> Vec<T> {
        self.data.clone()
    }
}

impl<T: Model> Model for Page<T> {
    fn set_raw(&mut self, raw: RawJson) {
        self.raw = raw;
    }
    fn raw(&self) -> &RawJson {
        &self.raw
    }
}

/// A charge made by a subscription.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubscriptionCharge {
    /// The charge's id.
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    /// The charge's amount.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<AmountText>"))]
    pub amount: Option<Decimal>,
    /// The charge's status.
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<ChargeStatus>,
    /// When the charge was made (ISO 8601 date-time, as received).
    #[serde(default, deserialize_with = "de_text")]
    pub created_at: Option<String>,
}

/// A subscription.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Subscription {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub subscription_uuid: Option<String>,
    /// Its billing cycle; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub cycle: Option<Lenient<Cycle>>,
    /// End date, or none for no end (or for text that is not a `YYYY-MM-DD` date).
    #[serde(default, deserialize_with = "de_date", serialize_with = "opt_date")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    pub end_date: Option<Date>,
    /// Its status.
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<SubscriptionStatus>,
    /// Its description.
    #[serde(default, deserialize_with = "de_text")]
    pub description: Option<String>,
    /// The date of the next charge.
    #[serde(
        default,
        alias = "next_charge_date",
        deserialize_with = "de_date",
        serialize_with = "opt_date"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    pub next_due_date: Option<Date>,
    /// When it was cancelled (ISO 8601 date-time, as received).
    #[serde(default, deserialize_with = "de_text")]
    pub cancelled_at: Option<String>,
    /// The charges it has made.
    #[serde(default, deserialize_with = "de_list")]
    pub charges: Vec<SubscriptionCharge>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// What the public (no token) charge endpoint says about a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicCharge {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    /// Its status.
    #[serde(default = "unknown_status", deserialize_with = "de_status")]
    pub status: ChargeStatus,
    /// Where the payer returns after paying.
    #[serde(default, deserialize_with = "de_text")]
    pub redirect_url: Option<String>,
    /// The charge's amount.
    #[serde(default, deserialize_with = "de_amount", serialize_with = "opt_amount")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    pub value: Option<Decimal>,
    /// Currency code; one this version does not know is kept in `Unknown`.
    #[serde(default, deserialize_with = "de_lenient")]
    pub currency: Option<Lenient<Currency>>,
    /// Payment method.
    #[serde(default, deserialize_with = "de_lenient")]
    pub type_charge: Option<TypeCharge>,
    /// Number of installments.
    #[serde(default, deserialize_with = "de_u32")]
    pub installment_count: Option<u32>,
    /// Why the charge failed, when `status` is `error`.
    #[serde(default, deserialize_with = "de_messages")]
    #[cfg_attr(feature = "schema", schemars(with = "Messages"))]
    pub message: Vec<ServerMessage>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// An OAuth2 token answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TokenResponse {
    /// The bearer token; `Debug` never shows it.
    #[serde(default)]
    pub access_token: Secret,
    /// Lifetime in seconds (3600 by default).
    #[serde(default, deserialize_with = "de_u32")]
    pub expires_in: Option<u32>,
    /// Always `Bearer`.
    #[serde(default, deserialize_with = "de_text")]
    pub token_type: Option<String>,
    /// The whole JSON as received, with the token removed.
    #[serde(skip)]
    pub raw: RawJson,
}

impl Model for TokenResponse {
    fn set_raw(&mut self, raw: RawJson) {
        let mut raw = raw.into_value();
        if let Some(obj) = raw.as_object_mut() {
            obj.remove("access_token");
        }
        self.raw = RawJson::from(raw);
    }
    fn raw(&self) -> &RawJson {
        &self.raw
    }
}

model!(
    Charge,
    Wallet,
    CheckoutSession,
    PaymentLink,
    Subscription,
    PublicCharge
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn reads_seed_001_response_and_variants() {
        // Parsed from text, as from the wire: 150.00 keeps its digits.
        let raw: Value = serde_json::from_str(r#"{
            "charge_uuid": "51dcca6e-7310-4b73-a94c-90835408f2ff", "local_currency": 150.00,
            "currency": "BRL", "usd_currency": "26.90", "eur_currency": 23.58, "type": "credit_card",
            "status": "cancelled", "message": null, "installment_count": 3, "brand_new": {"x": 1},
            "installments": [{"local_currency": 50.00, "due_date": "2026-12-31", "status": "confirmed", "installment_number": 1}],
            "pix_payload": {"qr_code": "iVBOR", "payload": "000201", "expiration_date": "2026-12-31T00:00:00Z"}
        }"#).unwrap();
        let c = Charge::from_json(raw).unwrap();
        assert_eq!(c.status, ChargeStatus::Canceled);
        assert_eq!(c.local_currency.unwrap().to_string(), "150.00");
        assert_eq!(c.usd_currency.unwrap().to_string(), "26.90");
        assert_eq!(c.type_charge, Some(TypeCharge::CreditCard));
        assert_eq!(c.raw["brand_new"]["x"], 1);
        assert_eq!(c.pix_payload.unwrap().copy_paste.as_deref(), Some("000201"));
        let weird =
            Charge::from_json(json!({"status": 5, "installments": "x", "type": "crypto"})).unwrap();
        assert_eq!(
            weird.type_charge,
            Some(TypeCharge::Unknown("crypto".into()))
        );
    }
}
