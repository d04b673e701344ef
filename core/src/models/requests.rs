//! Request types for every call, with A55's exact field names.
//!
//! Each type serializes to the JSON A55 expects and validates through the same code as a raw JSON
//! payload ([`crate::validate`]), so a typed request and a pasted dictionary get identical answers.
//! Required fields left empty (`""`, `None`) are reported as `REQUIRED_FIELD` by validation, not
//! silently sent. `extra` carries keys the SDK does not know; they are sent as they are (with an
//! `UNKNOWN_FIELD` warning).
//!
//! ```
//! use a55_core::models::{ApiRequest, ChargeRequest, Address, CardDetails, TypeCharge};
//! use a55_core::money::Currency;
//! use a55_core::schedule::parse_date;
//! use a55_core::Decimal;
//!
//! let charge = ChargeRequest {
//!     wallet_uuid: "f47ac10b-58cc-4372-a567-0e02b2c3d479".into(),
//!     merchant_id: "11111111-1111-1111-1111-111111111111".into(),
//!     payer_name: "Zhang Wei".into(),
//!     payer_email: "zhangwei@example.com".into(),
//!     payer_tax_id: "123.456.789-09".into(),
//!     payer_cell_phone: "+5511999999999".into(),
//!     installment_value: Decimal::new(15000, 2),
//!     installment_count: 3,
//!     currency: Some(Currency::Brl),
//!     due_date: Some(parse_date("2026-12-31", "due_date").unwrap()),
//!     description: "Order #42".into(),
//!     type_charge: Some(TypeCharge::CreditCard),
//!     payer_address: Address {
//!         street: "Av. Paulista".into(), address_number: Some("1000".into()),
//!         complement: Some("Sala 101".into()), neighborhood: Some("Bela Vista".into()),
//!         city: "São Paulo".into(), state: "SP".into(), postal_code: "01310-100".into(),
//!         country: Some("BR".into()), ..Default::default()
//!     },
//!     card: Some(CardDetails {
//!         number: "4024007153763191".into(), name: "Zhang Wei".into(),
//!         expiry_month: "12".into(), expiry_year: "2030".into(), cvv: "123".into(),
//!     }),
//!     ..Default::default()
//! };
//! let issues = charge.validate(Some(parse_date("2026-11-21", "today").unwrap()));
//! // A55's test card fails Luhn: a warning, not an error (docs/rules.md, "Cards").
//! assert_eq!(issues.len(), 1);
//! assert_eq!(issues[0].code.as_str(), "CARD_NUMBER_CHECKSUM");
//! // Debug never shows the card or the tax id.
//! let shown = format!("{charge:?}");
//! assert!(!shown.contains("4024007153763191") && !shown.contains("123.456.789-09"));
//! ```

use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::codes::{Issue, IssueCode};
use crate::error::Error;
use crate::money::Currency;
use crate::redact::TaxId;
use crate::schedule::Date;
use crate::validate::{Prepared, RequestKind, prepare};

use super::TypeCharge;
#[cfg(feature = "schema")]
use super::json_schema::{Amount, DateText};
use super::request_parts::{
    Address, AntifraudInfo, CardDetails, DeviceInfo, Item, SubscriptionRequest,
};
use super::wire::{
    de_amount, de_amount_opt, de_currency, de_date, ser_amount, ser_amount_opt, ser_currency,
    ser_date,
};

/// A request the SDK can validate and send.
pub trait ApiRequest: Serialize + DeserializeOwned {
    /// Which validation rules apply.
    const KIND: RequestKind;

    /// What the API answers to this request.
    type Response: super::Model;

    /// The JSON body, before normalization.
    fn to_payload(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Every issue, as `validate(KIND, payload, today)` gives it.
    fn validate(&self, today: Option<Date>) -> Vec<Issue> {
        self.prepare(today).issues
    }

    /// The normalized body and its issues.
    fn prepare(&self, today: Option<Date>) -> Prepared {
        prepare(Self::KIND, &self.to_payload(), today)
    }

    /// Reads a JSON-shaped payload (what a language package hands over: a dict, an object, a data
    /// class) into this request. Every problem is reported at once, with its path and code,
    /// exactly as [`crate::validate::validate`] reports it; amounts come out normalized. The
    /// warnings (`AMOUNT_ROUNDED`, `UNKNOWN_FIELD`, …) come back with the request; unknown keys are
    /// kept in its `extra`.
    fn from_json(payload: &Value, today: Option<Date>) -> Result<(Self, Vec<Issue>), Error> {
        let prepared = prepare(Self::KIND, payload, today);
        if prepared.has_errors() {
            return Err(Error::validation(prepared.issues));
        }
        let warnings = prepared.warnings();
        let request = serde_json::from_value(prepared.payload).map_err(|e| {
            Error::validation(vec![Issue::new(
                IssueCode::InvalidType,
                "",
                format!("the {} request could not be read: {e}", Self::KIND),
            )])
        })?;
        Ok((request, warnings))
    }

    /// The keys of this request the SDK does not know (sent as they are).
    fn extra(&self) -> &Map<String, Value>;
}

/// `POST /api/v1/bank/wallet/`: a wallet for a merchant and currency.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = super::json_schema::wallet_required))]
#[serde(default)]
pub struct WalletRequest {
    /// Your entity (company) UUID.
    pub entity_uuid: String,
    /// Your internal customer id.
    pub customer_id: String,
    /// BRL, MXN, CLP or ARS.
    #[serde(
        serialize_with = "ser_currency",
        deserialize_with = "de_currency",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<Currency>,
    /// Display name.
    pub name: String,
    /// Email for the wallet.
    pub email: String,
    /// Whether A55 issues OAuth credentials for this wallet.
    pub create_credentials: bool,
    /// An existing merchant; omitted, A55 creates one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merchant_uuid: Option<String>,
    /// Keys the SDK does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ApiRequest for WalletRequest {
    const KIND: RequestKind = RequestKind::Wallet;
    type Response = super::Wallet;

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}

/// `POST /api/v1/bank/wallet/charge/`: a charge of any payment method, a subscription's first
/// charge, a pre-authorization (`capture: false`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = super::json_schema::charge_required))]
#[serde(default)]
pub struct ChargeRequest {
    /// The wallet receiving the money.
    pub wallet_uuid: String,
    /// The merchant.
    pub merchant_id: String,
    /// Payer's full name.
    pub payer_name: String,
    /// Payer's email.
    pub payer_email: String,
    /// CPF, CNPJ, RFC, RUT, CUIT …; `Debug` shows its last two characters.
    pub payer_tax_id: TaxId,
    /// Mobile number with country code.
    pub payer_cell_phone: String,
    /// The amount of **each** installment; the charge's total is this × `installment_count`.
    #[cfg_attr(feature = "schema", schemars(with = "Amount"))]
    #[serde(serialize_with = "ser_amount", deserialize_with = "de_amount")]
    pub installment_value: Decimal,
    /// 1–12 for credit cards, 1 otherwise.
    pub installment_count: u32,
    /// BRL, MXN, CLP, COP, PEN, ARS or USD.
    #[serde(
        serialize_with = "ser_currency",
        deserialize_with = "de_currency",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<Currency>,
    /// First due date.
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    #[serde(
        serialize_with = "ser_date",
        deserialize_with = "de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<Date>,
    /// Shown to the payer.
    pub description: String,
    /// The payment method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type_charge: Option<TypeCharge>,
    /// Billing address.
    pub payer_address: Address,
    /// Overrides the default webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// Where the payer returns after checkout or 3DS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// Your order id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_external_id: Option<String>,
    /// Asynchronous processing where supported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_async: Option<bool>,
    /// Shipping address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Card fields for host-to-host charges.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub card: Option<CardDetails>,
    /// `false` authorizes only (capture later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture: Option<bool>,
    /// Forces 3DS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threeds_authentication: Option<bool>,
    /// Needed with 3DS and card fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_info: Option<DeviceInfo>,
    /// Antifraud data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antifraud_info: Option<AntifraudInfo>,
    /// Makes this charge the first of a subscription.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription: Option<SubscriptionRequest>,
    /// The order's items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    /// The Apple Pay payment data, passed through as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applepay: Option<Map<String, Value>>,
    /// The Google Pay payment data, passed through as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub googlepay: Option<Map<String, Value>>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ApiRequest for ChargeRequest {
    const KIND: RequestKind = RequestKind::Charge;
    type Response = super::Charge;

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}

/// `POST /api/v1/bank/wallet/charge/pix/`: a PIX charge answered with a BR Code and QR image.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = super::json_schema::pix_charge_required))]
#[serde(default)]
pub struct PixChargeRequest {
    /// The wallet receiving the money.
    pub wallet_uuid: String,
    /// The merchant.
    pub merchant_id: String,
    /// Payer's full name.
    pub payer_name: String,
    /// Payer's email.
    pub payer_email: String,
    /// CPF or CNPJ; `Debug` shows its last two characters.
    pub payer_tax_id: TaxId,
    /// Mobile number with country code.
    pub payer_cell_phone: String,
    /// The amount in BRL.
    #[cfg_attr(feature = "schema", schemars(with = "Amount"))]
    #[serde(serialize_with = "ser_amount", deserialize_with = "de_amount")]
    pub amount: Decimal,
    /// Must be BRL.
    #[serde(
        serialize_with = "ser_currency",
        deserialize_with = "de_currency",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<Currency>,
    /// The date the charge is due.
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    #[serde(
        serialize_with = "ser_date",
        deserialize_with = "de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<Date>,
    /// Shown to the payer.
    pub description: String,
    /// Street, city, state and postal code are required.
    pub payer_address: Address,
    /// Overrides the default webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// Your order id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_external_id: Option<String>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ApiRequest for PixChargeRequest {
    const KIND: RequestKind = RequestKind::PixCharge;
    type Response = super::Charge;

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}

/// `POST /api/v1/bank/wallet/checkout/`: a hosted checkout session.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = super::json_schema::checkout_required))]
#[serde(default)]
pub struct CheckoutRequest {
    /// The wallet receiving the money.
    pub wallet_uuid: String,
    /// The merchant.
    pub merchant_id: String,
    /// The total; the payer may split it in up to `max_installments`.
    #[cfg_attr(feature = "schema", schemars(with = "Amount"))]
    #[serde(serialize_with = "ser_amount", deserialize_with = "de_amount")]
    pub amount: Decimal,
    /// BRL, MXN, CLP, COP, PEN, ARS or USD.
    #[serde(
        serialize_with = "ser_currency",
        deserialize_with = "de_currency",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<Currency>,
    /// Shown to the payer.
    pub description: String,
    /// Where the payer goes after paying (HTTPS).
    pub redirect_url: String,
    /// Where the payer goes on cancelling (HTTPS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancel_url: Option<String>,
    /// The date the session is due.
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    #[serde(
        serialize_with = "ser_date",
        deserialize_with = "de_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<Date>,
    /// Payer's email, when you know it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer_email: Option<String>,
    /// The payment methods the payer may choose from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_methods: Option<Vec<TypeCharge>>,
    /// The most installments the payer may choose, 1 to 12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_installments: Option<u32>,
    /// Overrides the default webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webhook_url: Option<String>,
    /// Your order id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_external_id: Option<String>,
    /// A55's `is_checkout` flag, sent as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_checkout: Option<bool>,
    /// Whether the payer's card goes through a 3DS challenge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threeds_authentication: Option<bool>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ApiRequest for CheckoutRequest {
    const KIND: RequestKind = RequestKind::Checkout;
    type Response = super::CheckoutSession;

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}

/// A full or partial refund of a confirmed or paid charge.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = super::json_schema::refund_required))]
#[serde(default)]
pub struct RefundRequest {
    /// The charge.
    pub charge_uuid: String,
    /// Its wallet.
    pub wallet_uuid: String,
    /// Omit for the full remaining amount.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    #[serde(
        serialize_with = "ser_amount_opt",
        deserialize_with = "de_amount_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The order's items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    /// The Apple Pay payment data, passed through as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applepay: Option<Map<String, Value>>,
    /// The Google Pay payment data, passed through as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub googlepay: Option<Map<String, Value>>,
    /// Keys the SDK does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ApiRequest for RefundRequest {
    const KIND: RequestKind = RequestKind::Refund;
    type Response = super::Charge;

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}

/// Captures a pre-authorized charge (`capture: false`), fully or partly.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = super::json_schema::capture_required))]
#[serde(default)]
pub struct CaptureRequest {
    /// The charge.
    pub charge_uuid: String,
    /// Its wallet.
    pub wallet_uuid: String,
    /// Omit for a full capture.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Amount>"))]
    #[serde(
        serialize_with = "ser_amount_opt",
        deserialize_with = "de_amount_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
    /// Keys the SDK does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ApiRequest for CaptureRequest {
    const KIND: RequestKind = RequestKind::Capture;
    type Response = super::Charge;

    fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }
}
