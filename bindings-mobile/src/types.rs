//! The types that cross the FFI boundary, and how each language sees them.
//!
//! Values that a host language holds in its own type (an amount, a calendar date, a duration, an
//! instant) cross as text or numbers inside a small newtype; `uniffi.toml` maps each newtype to the
//! host type (`Amount` → `java.math.BigDecimal` / `Decimal`, `CalendarDate` →
//! `java.time.LocalDate` / `A55Date`, …). Lifting a newtype never fails: the text is checked by
//! `a55_core` inside a function that returns `Result`, so bad input is a typed error, never a panic.
//! Core types that fit uniffi as they are (`Issue`, `Severity`, `BrCode`, the host shape of a
//! `WebhookEvent`) are declared as remote types; the fields of `BrCode` and `WebhookEvent` come from
//! core's own lists (`a55_core::a55_br_code_fields!`), so none is restated here.

use a55_core::codes::{Issue, IssueCode, Severity};
use a55_core::host_types::WebhookEvent;
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

/// Declares a core type to uniffi as a remote record, from core's own list of its fields.
macro_rules! remote_record {
    (
        { $(#[$meta:meta])* $name:ident }
        { $($before:tt)* }
        { $($after:tt)* }
        $($(#[$doc:meta])* $field:ident : $ty:ty,)*
    ) => {
        $(#[$meta])*
        #[uniffi::remote(Record)]
        pub struct $name {
            $($before)*
            $($(#[$doc])* pub $field: $ty,)*
            $($after)*
        }
    };
}

a55_core::a55_br_code_fields!(remote_record! {
    {
        /// The fields of a PIX BR Code (core's `BrCode`).
        BrCode
    }
    {}
    {}
});

a55_core::a55_host_webhook_event_fields!(remote_record! {
    {
        /// A verified charge event delivered to a webhook URL.
        WebhookEvent
    }
});
