//! The types that cross the FFI boundary, and how each language sees them.
//!
//! Values that a host language holds in its own type (an amount, a calendar date, a duration, an
//! instant) cross as text or numbers inside a small newtype; `uniffi.toml` maps each newtype to the
//! host type (`Amount` → `java.math.BigDecimal` / `Decimal`, `CalendarDate` →
//! `java.time.LocalDate` / `A55Date`, …). Lifting a newtype never fails: the text is checked by
//! `a55_core` inside a function that returns `Result`, so bad input is a typed error, never a panic.
//! Core types that fit uniffi as they are (`Issue`, `Severity`, `BrCode`) are declared as remote types,
//! field for field, instead of being copied.

use a55_core::codes::{Issue, IssueCode, Severity};
use a55_core::pix::BrCode;
use a55_core::schedule::Date;
use a55_core::{Decimal, RuleError, schedule};

/// An amount as decimal text: `java.math.BigDecimal` in Kotlin, `Decimal` in Swift.
///
/// Crosses as text, so any number of digits arrives exactly; `a55_core` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount(pub String);
uniffi::custom_newtype!(Amount, String);

impl From<Decimal> for Amount {
    fn from(d: Decimal) -> Amount {
        Amount(d.to_string())
    }
}

/// A calendar date as `YYYY-MM-DD` text: `java.time.LocalDate` in Kotlin, `A55Date` in Swift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDate(pub String);
uniffi::custom_newtype!(CalendarDate, String);

impl CalendarDate {
    /// Reads the date through `a55_core` (`INVALID_DATE` names `field`).
    pub fn parse(&self, field: &str) -> Result<Date, RuleError> {
        schedule::parse_date(&self.0, field)
    }
}

impl From<Date> for CalendarDate {
    fn from(d: Date) -> CalendarDate {
        CalendarDate(schedule::format_date(d))
    }
}

/// A length of time in seconds: `java.time.Duration` in Kotlin, `TimeInterval` in Swift.
///
/// A plain `f64` crosses, so a negative, NaN or infinite value from the host arrives as it is and is
/// refused here with a typed error (uniffi's own `Duration` would abort the Swift process on them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeSpan(pub f64);
uniffi::custom_newtype!(TimeSpan, f64);

/// An instant as Unix seconds: `java.time.Instant` in Kotlin, `Date` in Swift.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointInTime(pub f64);
uniffi::custom_newtype!(PointInTime, f64);

uniffi::custom_type!(IssueCode, String, {
    remote,
    lower: |code| code.as_str().to_string(),
    try_lift: |text| Ok(IssueCode::parse(&text)),
});

/// Whether an issue stops a request (core's `Severity`).
#[uniffi::remote(Enum)]
pub enum Severity {
    /// Stops the request: nothing is sent.
    Error,
    /// Travels with the result: the request is sent.
    Warning,
}

/// One problem found in a request or reported by the server (core's `Issue`).
#[uniffi::remote(Record)]
pub struct Issue {
    /// The code, e.g. `AMOUNT_INVALID` (text, so codes the SDK does not know yet survive).
    pub code: IssueCode,
    /// Error (stops the request) or warning (travels with the result).
    pub severity: Severity,
    /// The path of the field or the helper argument, e.g. `payer_address.postal_code` or `amount`.
    pub field: String,
    /// A sentence for people. Never contains a secret, a card number or a tax id.
    pub description: String,
}

/// The fields of a PIX BR Code (core's `BrCode`).
#[uniffi::remote(Record)]
pub struct BrCode {
    /// Field 00, always `01`.
    pub payload_format_indicator: String,
    /// Field 01: `11` (reusable) or `12` (single use), when present.
    pub point_of_initiation_method: Option<String>,
    /// The merchant account template's GUI (`br.gov.bcb.pix`).
    pub gui: String,
    /// The PIX key of a static code.
    pub key: Option<String>,
    /// The location URL of a dynamic code (without scheme, as written in the code).
    pub url: Option<String>,
    /// Free text for the payer.
    pub description: Option<String>,
    /// Field 52.
    pub merchant_category_code: String,
    /// Field 53, `986` for BRL.
    pub transaction_currency: String,
    /// Field 54, the amount text as written, when present.
    pub amount: Option<String>,
    /// Field 58, `BR`.
    pub country_code: String,
    /// Field 59.
    pub merchant_name: String,
    /// Field 60.
    pub merchant_city: String,
    /// Field 61.
    pub postal_code: Option<String>,
    /// Field 62, sub-field 05: the transaction id.
    pub txid: Option<String>,
    /// Field 63, upper-case hex.
    pub crc: String,
}

/// A verified charge event delivered to a webhook URL.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct WebhookEvent {
    /// The charge.
    pub charge_uuid: String,
    /// Its new status (`cancelled` reads as `canceled`; unknown statuses are kept as they are).
    pub status: String,
    /// The merchant's reference, when sent.
    pub transaction_reference: Option<String>,
    /// The subscription the charge belongs to.
    pub subscription_uuid: Option<String>,
    /// The payment link the charge came from.
    pub payment_link_uuid: Option<String>,
    /// The amount as decimal text (richer revision).
    pub amount: Option<String>,
    /// The currency (richer revision).
    pub currency: Option<String>,
    /// The acquirer's return code on errors (`"05"`).
    pub error_code: Option<String>,
    /// The acquirer's message on errors.
    pub error_message: Option<String>,
    /// The refunded amount as decimal text.
    pub refund_amount: Option<String>,
    /// The chargeback's reason.
    pub chargeback_reason: Option<String>,
    /// When the charge was created.
    pub created_at: Option<String>,
    /// When the charge last changed.
    pub updated_at: Option<String>,
    /// The key to deduplicate deliveries on: `"{charge_uuid}:{status}"` (one charge sends several events).
    pub dedup_key: String,
    /// The whole body as JSON text, unknown fields included.
    pub raw_json: String,
}

impl From<a55_core::webhook::WebhookEvent> for WebhookEvent {
    fn from(e: a55_core::webhook::WebhookEvent) -> WebhookEvent {
        WebhookEvent {
            dedup_key: e.dedup_key(),
            status: e.status.as_str().to_string(),
            raw_json: e.raw.to_string(),
            charge_uuid: e.charge_uuid,
            transaction_reference: e.transaction_reference,
            subscription_uuid: e.subscription_uuid,
            payment_link_uuid: e.payment_link_uuid,
            amount: e.amount,
            currency: e.currency,
            error_code: e.error_code,
            error_message: e.error_message,
            refund_amount: e.refund_amount,
            chargeback_reason: e.chargeback_reason,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}
