//! The objects inside requests: addresses, card data, device and antifraud data, order items and
//! a subscription's terms. Each keeps the keys the SDK does not know in `extra`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::redact::{CardNumber, Cvv};
use crate::schedule::{Cycle, Date};

#[cfg(feature = "schema")]
use super::json_schema::DateText;
use super::wire::{TextOrNumber, de_cycle, de_date, ser_cycle, ser_date};

/// A billing or shipping address.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Address {
    /// Street name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub street: String,
    /// Number (required on card charges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_number: Option<String>,
    /// Apartment, suite, floor; may be empty but must be sent on card charges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complement: Option<String>,
    /// Neighborhood (required on card charges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub neighborhood: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// State or province code (`SP`, `CDMX`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub state: String,
    /// Postal code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2; defaults to the wallet's country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Card data for host-to-host charges: all five fields or none.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CardDetails {
    /// The PAN; `Debug` shows its last four digits only.
    #[serde(rename = "card_number")]
    pub number: CardNumber,
    /// Name printed on the card.
    #[serde(rename = "card_name")]
    pub name: String,
    /// `MM` (or `M`).
    #[serde(rename = "card_expiry_month")]
    pub expiry_month: String,
    /// `YYYY`.
    #[serde(rename = "card_expiry_year")]
    pub expiry_year: String,
    /// The CVV; never shown.
    #[serde(rename = "card_cvv")]
    pub cvv: Cvv,
}

/// Browser or device fingerprint for 3DS.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct DeviceInfo {
    /// The payer's IP address; required for 3DS with card fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// The payer's browser user agent; required for 3DS with card fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// An id of the payer's device.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// An id of the payer's browsing session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
    /// The browser's HTTP `Accept` header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_accept_content: Option<String>,
    /// The browser's language (`pt-BR`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_language: Option<String>,
    /// Whether the browser has Java enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_java_enabled: Option<bool>,
    /// Whether the browser has JavaScript enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_javascript_enabled: Option<bool>,
    /// The screen's colour depth in bits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_color_depth: Option<TextOrNumber>,
    /// The screen's height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_screen_height: Option<TextOrNumber>,
    /// The screen's width in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_screen_width: Option<TextOrNumber>,
    /// The difference between UTC and the browser's local time, in minutes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_browser_time_difference: Option<TextOrNumber>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Behavioural data for antifraud scoring.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AntifraudInfo {
    /// web, app, pos, marketplace, link, subscription or api.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales_channel: Option<String>,
    /// Whether the cardholder was logged in to your site when paying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cardholder_logged_in: Option<bool>,
    /// How many days the cardholder has had an account with you.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cardholder_since_days: Option<i64>,
    /// How many purchases the cardholder has made with you.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_history: Option<i64>,
    /// How many days have passed since the cardholder's last purchase with you.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_since_last_purchase_merchant: Option<i64>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An item of a charge's order (for antifraud and the receipt).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Item {
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    /// The line's total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_amount: Option<TextOrNumber>,
    /// The price of one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_amount: Option<TextOrNumber>,
    /// Your SKU.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Your product code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// An image URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub img: Option<String>,
    /// Keys the SDK does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A recurring subscription created with its first charge.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubscriptionRequest {
    /// The billing cycle.
    #[serde(serialize_with = "ser_cycle", deserialize_with = "de_cycle")]
    pub cycle: Cycle,
    /// Last date a charge may fall on; none means no end.
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateText>"))]
    #[serde(
        serialize_with = "ser_date",
        deserialize_with = "de_date",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub end_date: Option<Date>,
    /// Keys the SDK does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
