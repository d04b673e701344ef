//! Response types. Reading is tolerant: unknown fields are kept in `raw`, unknown enum values in
//! `Unknown(..)`, amounts are read exactly from numbers or numeric strings, and a field of an
//! unexpected type reads as absent instead of failing the whole result.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_json::Value;

use crate::codes::{Issue, IssueCode, Severity};
use crate::redact::Secret;
use crate::status::{ChargeStatus, SubscriptionStatus};

use super::TypeCharge;

/// Reads a decimal exactly from a JSON number or numeric text.
pub fn decimal_from_json(v: &Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => decimal_from_text(&n.to_string()),
        Value::String(s) => decimal_from_text(s.trim()),
        _ => None,
    }
}

fn decimal_from_text(text: &str) -> Option<Decimal> {
    Decimal::from_str(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
}

// Two ways of reading a field, one result.
//
// `Model::from_json` reads from a `Value`: each lenient field is taken as a `Value` and interpreted
// (a field of an unexpected type reads as absent). `Model::from_slice` reads the answer's text in one
// pass: the helpers below then read the expected shapes straight from the text, and decline
// (`DECLINE`) anything else, which sends the whole answer down the `Value` path. So the one-pass
// reader is only a faster way to the same result, never a second set of rules.

thread_local! {
    static ONE_PASS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The error that hands an answer back to the `Value` path.
const DECLINE: &str = "one-pass reading declined";

/// serde_json's marker for a number kept as text (feature `arbitrary_precision`).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

fn one_pass() -> bool {
    ONE_PASS.with(std::cell::Cell::get)
}

/// Marks this thread as reading in one pass until dropped (restored on unwind too).
struct OnePass(bool);

impl OnePass {
    fn enter() -> OnePass {
        OnePass(ONE_PASS.with(|c| c.replace(true)))
    }
}

impl Drop for OnePass {
    fn drop(&mut self) {
        ONE_PASS.with(|c| c.set(self.0));
    }
}

/// A scalar read straight from JSON text.
enum Scalar {
    Text(String),
    /// A number, as written.
    Num(String),
    Null,
    Bool,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> serde::de::Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON scalar")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Text(v.to_owned()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Text(v))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Bool)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        // A number with a fraction or exponent comes as a one-entry map holding its text.
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(key) if key == NUMBER_TOKEN => Ok(Scalar::Num(as_value_writes(map.next_value()?))),
            _ => Err(serde::de::Error::custom(DECLINE)),
        }
    }
}

/// A number's text as the `Value` path hands it on: serde_json gives a number that reads exactly as
/// an integer, or as an `f64` written back the same way, as that integer or `f64` (so `-0` becomes
/// `0` and `0.0000001` becomes `1e-7`); any other number keeps its text.
fn as_value_writes(text: String) -> String {
    if let Ok(n) = text.parse::<u64>() {
        return n.to_string();
    }
    if let Ok(n) = text.parse::<i64>() {
        return n.to_string();
    }
    if let Ok(n) = text.parse::<u128>() {
        return n.to_string();
    }
    if let Ok(n) = text.parse::<i128>() {
        return n.to_string();
    }
    if let Some(f) = text.parse::<f64>().ok().filter(|f| f.is_finite())
        && let Some(n) = serde_json::Number::from_f64(f)
    {
        let written = n.to_string();
        if written == text || f.to_string() == text {
            return written;
        }
    }
    text
}

fn de_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Num(n) => decimal_from_text(&n),
            Scalar::Text(s) => decimal_from_text(s.trim()),
            Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(decimal_from_json))
}

fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Text(s) | Scalar::Num(s) => Some(s),
            Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

fn de_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Num(n) => n.parse::<u64>().ok().and_then(|n| u32::try_from(n).ok()),
            Scalar::Text(s) => s.trim().parse().ok(),
            Scalar::Null | Scalar::Bool => None,
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

fn de_lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    if one_pass() {
        // Strict here: anything `T` cannot read sends the answer down the `Value` path.
        return Option::<T>::deserialize(d);
    }
    Ok(Option::<Value>::deserialize(d)?.and_then(|v| serde_json::from_value(v).ok()))
}

/// JSON kept as values: in one pass, numbers are written as the `Value` path writes them.
fn de_values<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Value>, D::Error> {
    let mut values = Vec::<Value>::deserialize(d)?;
    if one_pass() {
        values.iter_mut().for_each(rewrite_numbers);
    }
    Ok(values)
}

fn rewrite_numbers(v: &mut Value) {
    match v {
        Value::Number(n) => {
            let text = as_value_writes(n.to_string());
            if let Ok(written) = text.parse::<serde_json::Number>() {
                *n = written;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_numbers),
        Value::Object(map) => map.values_mut().for_each(rewrite_numbers),
        _ => {}
    }
}

fn de_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    if one_pass() {
        return Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default());
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
}

/// One entry of a charge-level `message` array: `{code, source, description, field}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
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

/// Reads `message` in any of its documented forms: an array of messages, null, `{}` or a string.
fn de_messages<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<ServerMessage>, D::Error> {
    if one_pass() {
        return d.deserialize_any(MessagesVisitor);
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        Some(Value::String(s)) if !s.is_empty() => vec![ServerMessage {
            description: Some(s),
            ..ServerMessage::default()
        }],
        _ => Vec::new(),
    })
}

struct MessagesVisitor;

impl<'de> serde::de::Visitor<'de> for MessagesVisitor {
    type Value = Vec<ServerMessage>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("messages")
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(if v.is_empty() {
            Vec::new()
        } else {
            vec![ServerMessage {
                description: Some(v.to_owned()),
                ..ServerMessage::default()
            }]
        })
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(m) = seq.next_element::<ServerMessage>()? {
            out.push(m);
        }
        Ok(out)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // `{}` (or any object, or a number) carries no message.
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Vec::new())
    }
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

/// The raw JSON of a result. Reads like a `serde_json::Value` (it derefs to one); its `Debug` masks
/// personal and secret fields (a wallet's `client_secret`, card data, tax ids), so printing a result
/// never leaks them.
///
/// Cheap to clone (shared). A result decoded from an answer keeps the answer's bytes and turns them
/// into a `Value` only when the raw JSON is first read, so a call that never looks at it never pays
/// for it.
#[derive(Clone, Default)]
pub struct RawJson(std::sync::Arc<RawInner>);

#[derive(Default)]
struct RawInner {
    /// The JSON text as received, when the value has not been built yet.
    text: Option<Box<[u8]>>,
    value: std::sync::OnceLock<Value>,
}

impl RawJson {
    /// Raw JSON from text already known to be JSON (it is read on first use; text that is not
    /// JSON reads as `null`).
    pub fn from_bytes(text: &[u8]) -> RawJson {
        RawJson(std::sync::Arc::new(RawInner {
            text: Some(text.into()),
            value: std::sync::OnceLock::new(),
        }))
    }

    /// The JSON value.
    pub fn value(&self) -> &Value {
        self.0.value.get_or_init(|| {
            self.0
                .text
                .as_deref()
                .and_then(|t| serde_json::from_slice(t).ok())
                .unwrap_or(Value::Null)
        })
    }

    /// The JSON value, owned (copied when the raw JSON is shared).
    pub fn into_value(self) -> Value {
        self.value();
        match std::sync::Arc::try_unwrap(self.0) {
            Ok(inner) => inner.value.into_inner().unwrap_or(Value::Null),
            Err(shared) => shared.value.get().cloned().unwrap_or(Value::Null),
        }
    }
}

impl std::ops::Deref for RawJson {
    type Target = Value;
    fn deref(&self) -> &Value {
        self.value()
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &RawJson) -> bool {
        self.value() == other.value()
    }
}

impl std::fmt::Debug for RawJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::logging::mask_body(self.value()))
    }
}

impl From<Value> for RawJson {
    fn from(v: Value) -> Self {
        let value = std::sync::OnceLock::new();
        let _ = value.set(v);
        RawJson(std::sync::Arc::new(RawInner { text: None, value }))
    }
}

/// A result type that keeps its raw JSON.
pub trait Model: DeserializeOwned {
    /// Stores the raw JSON after decoding.
    fn set_raw(&mut self, raw: RawJson);

    /// The raw JSON stored by [`Model::set_raw`].
    fn raw(&self) -> &RawJson;

    /// Decodes a JSON value, keeping it whole in `raw`.
    fn from_json(raw: Value) -> Result<Self, serde_json::Error> {
        // Read from a reference: the raw JSON is kept whole, not copied first.
        let mut model = Self::deserialize(&raw)?;
        model.set_raw(RawJson::from(raw));
        Ok(model)
    }

    /// Decodes JSON text in one pass, keeping the text as `raw` (read into a `Value` only if asked
    /// for). For any text that parses as a `Value`, the result is the one [`Model::from_json`]
    /// gives. Text a `Value` cannot hold (nesting deeper than 128, invalid UTF-8 or a lone surrogate
    /// inside a string the model does not read) may still decode; its `raw` then reads as `null`.
    fn from_slice(text: &[u8]) -> Result<Self, serde_json::Error> {
        let one_pass = {
            let _mode = OnePass::enter();
            serde_json::from_slice::<Self>(text)
        };
        match one_pass {
            Ok(mut model) => {
                model.set_raw(RawJson::from_bytes(text));
                Ok(model)
            }
            // Anything the one-pass reader declines (an unexpected shape, a key given twice where
            // a `Value` keeps the last) is read as a `Value`, exactly as `from_json` reads it.
            Err(_) => Self::from_json(serde_json::from_slice(text)?),
        }
    }
}

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

/// One installment of a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
pub struct Installment {
    /// The installment's amount in the charge's currency.
    #[serde(default, deserialize_with = "de_amount")]
    pub local_currency: Option<Decimal>,
    /// Currency code.
    #[serde(default, deserialize_with = "de_text")]
    pub currency: Option<String>,
    /// Informative USD equivalent.
    #[serde(default, deserialize_with = "de_amount")]
    pub usd_currency: Option<Decimal>,
    /// Informative EUR equivalent.
    #[serde(default, deserialize_with = "de_amount")]
    pub eur_currency: Option<Decimal>,
    /// Due date.
    #[serde(default, deserialize_with = "de_text")]
    pub due_date: Option<String>,
    /// Status of this installment.
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<ChargeStatus>,
    /// 1-based number.
    #[serde(default, deserialize_with = "de_u32")]
    pub installment_number: Option<u32>,
}

/// PIX payment data. Both documented namings are read (`qr_code_base64`/`qr_code`,
/// `copy_paste`/`payload`, `expiration`/`expiration_date`).
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
pub struct PixPayload {
    /// Base64 PNG of the QR code.
    #[serde(default, alias = "qr_code", deserialize_with = "de_text")]
    pub qr_code_base64: Option<String>,
    /// The BR Code text ("pix copia e cola").
    #[serde(default, alias = "payload", deserialize_with = "de_text")]
    pub copy_paste: Option<String>,
    /// When the QR code expires (ISO 8601).
    #[serde(default, alias = "expiration_date", deserialize_with = "de_text")]
    pub expiration: Option<String>,
}

/// The subscription created with a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
pub struct SubscriptionInfo {
    /// Its id.
    #[serde(default, deserialize_with = "de_text")]
    pub subscription_uuid: Option<String>,
    /// Its cycle as sent by A55.
    #[serde(default, deserialize_with = "de_text")]
    pub cycle: Option<String>,
    /// Its status (`active` on creation).
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<SubscriptionStatus>,
    /// The next automatic charge.
    #[serde(default, deserialize_with = "de_text")]
    pub next_charge_date: Option<String>,
    /// End date, or none for no end.
    #[serde(default, deserialize_with = "de_text")]
    pub end_date: Option<String>,
}

/// A charge, as create, get, list, refund, cancel, capture and webhooks describe it.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
pub struct Charge {
    /// Its id (null on some validation errors).
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    /// Its status; a 200 with `status: "error"` is a declined or failed charge, not an exception.
    #[serde(default = "unknown_status", deserialize_with = "de_status")]
    pub status: ChargeStatus,
    /// Amount in the wallet's settlement currency.
    #[serde(default, deserialize_with = "de_amount")]
    pub local_currency: Option<Decimal>,
    /// Currency code.
    #[serde(default, deserialize_with = "de_text")]
    pub currency: Option<String>,
    /// Informative USD equivalent.
    #[serde(default, deserialize_with = "de_amount")]
    pub usd_currency: Option<Decimal>,
    /// Informative EUR equivalent.
    #[serde(default, deserialize_with = "de_amount")]
    pub eur_currency: Option<Decimal>,
    /// Payment method (`type` in responses).
    #[serde(
        default,
        rename = "type",
        alias = "type_charge",
        deserialize_with = "de_lenient"
    )]
    pub type_charge: Option<TypeCharge>,
    /// Creation date.
    #[serde(default, deserialize_with = "de_text")]
    pub date: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "de_text")]
    pub description: Option<String>,
    /// First due date.
    #[serde(default, deserialize_with = "de_text")]
    pub due_date: Option<String>,
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
    #[serde(default, deserialize_with = "de_amount")]
    pub refunded_amount: Option<Decimal>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

fn unknown_status() -> ChargeStatus {
    ChargeStatus::Unknown(String::new())
}

fn de_status<'de, D: Deserializer<'de>>(d: D) -> Result<ChargeStatus, D::Error> {
    if one_pass() {
        return Ok(match Scalar::deserialize(d)? {
            Scalar::Text(s) => ChargeStatus::parse(&s),
            Scalar::Num(_) | Scalar::Null | Scalar::Bool => unknown_status(),
        });
    }
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => ChargeStatus::parse(&s),
        _ => unknown_status(),
    })
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
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
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
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[allow(missing_docs)]
pub struct Wallet {
    #[serde(default, deserialize_with = "de_text")]
    pub wallet_uuid: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub entity_uuid: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub merchant_uuid: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub customer_id: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub name: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[allow(missing_docs)]
pub struct CheckoutSession {
    #[serde(default, deserialize_with = "de_text")]
    pub checkout_uuid: Option<String>,
    /// Send the payer here.
    #[serde(default, deserialize_with = "de_text")]
    pub checkout_url: Option<String>,
    /// `active` when ready.
    #[serde(default, deserialize_with = "de_text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "de_amount")]
    pub amount: Option<Decimal>,
    #[serde(default, deserialize_with = "de_text")]
    pub currency: Option<String>,
    /// ISO 8601 expiry.
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
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[allow(missing_docs)]
pub struct PaymentLink {
    #[serde(default, deserialize_with = "de_text")]
    pub payment_link_uuid: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "de_amount")]
    pub local_currency: Option<Decimal>,
    #[serde(default, deserialize_with = "de_text")]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "de_amount")]
    pub usd_currency: Option<Decimal>,
    #[serde(default, deserialize_with = "de_amount")]
    pub eur_currency: Option<Decimal>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// One page of a list: `{page, limit, total, pages, data[]}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
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
    /// This page's items (raw; see `items()`).
    #[serde(default, deserialize_with = "de_values")]
    pub data: Vec<Value>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
    #[serde(skip)]
    _marker: std::marker::PhantomData<T>,
}

impl<T: Model> Page<T> {
    /// The items decoded; an item that cannot be read is skipped.
    pub fn items(&self) -> Vec<T> {
        self.data
            .iter()
            .filter_map(|v| T::from_json(v.clone()).ok())
            .collect()
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
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[allow(missing_docs)]
pub struct SubscriptionCharge {
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    #[serde(default, deserialize_with = "de_amount")]
    pub amount: Option<Decimal>,
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<ChargeStatus>,
    #[serde(default, deserialize_with = "de_text")]
    pub created_at: Option<String>,
}

/// A subscription.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[allow(missing_docs)]
pub struct Subscription {
    #[serde(default, deserialize_with = "de_text")]
    pub subscription_uuid: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub cycle: Option<String>,
    #[serde(default, deserialize_with = "de_text")]
    pub end_date: Option<String>,
    #[serde(default, deserialize_with = "de_lenient")]
    pub status: Option<SubscriptionStatus>,
    #[serde(default, deserialize_with = "de_text")]
    pub description: Option<String>,
    /// The next charge date.
    #[serde(default, alias = "next_charge_date", deserialize_with = "de_text")]
    pub next_due_date: Option<String>,
    /// When it was cancelled.
    #[serde(default, deserialize_with = "de_text")]
    pub cancelled_at: Option<String>,
    #[serde(default, deserialize_with = "de_list")]
    pub charges: Vec<SubscriptionCharge>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// What the public (no token) charge endpoint says about a charge.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[allow(missing_docs)]
pub struct PublicCharge {
    #[serde(default, deserialize_with = "de_text")]
    pub charge_uuid: Option<String>,
    #[serde(default = "unknown_status", deserialize_with = "de_status")]
    pub status: ChargeStatus,
    #[serde(default, deserialize_with = "de_text")]
    pub redirect_url: Option<String>,
    #[serde(default, deserialize_with = "de_amount")]
    pub value: Option<Decimal>,
    #[serde(default, deserialize_with = "de_text")]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "de_lenient")]
    pub type_charge: Option<TypeCharge>,
    #[serde(default, deserialize_with = "de_u32")]
    pub installment_count: Option<u32>,
    #[serde(default, deserialize_with = "de_messages")]
    pub message: Vec<ServerMessage>,
    /// The whole JSON as received.
    #[serde(skip)]
    pub raw: RawJson,
}

/// An OAuth2 token answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
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
    use serde_json::json;

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
