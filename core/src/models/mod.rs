//! The API's request and response types, with A55's exact field names.

mod decode;
mod encode;
#[cfg(feature = "schema")]
pub mod json_schema;
mod lenient;
mod request_parts;
mod requests;
mod responses;
pub mod schema;
mod wire;

use std::fmt;

pub use decode::{Model, RawJson, decimal_from_json};
pub use lenient::{Lenient, WireName};
pub use request_parts::{
    Address, AntifraudInfo, CardDetails, DeviceInfo, Item, SubscriptionRequest,
};
pub use requests::{
    ApiRequest, CaptureRequest, ChargeRequest, CheckoutRequest, PixChargeRequest, RefundRequest,
    WalletRequest,
};
pub use responses::{
    Charge, CheckoutSession, Installment, Page, PaymentLink, PixPayload, PublicCharge,
    ServerMessage, Subscription, SubscriptionCharge, SubscriptionInfo, TokenResponse, Wallet,
    WalletCredentials,
};
pub use wire::TextOrNumber;

/// A payment method (`type_charge`). Values read from A55 that the SDK does not know are kept in
/// `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeCharge {
    /// Credit card, 1–12 installments.
    CreditCard,
    /// Debit card (3DS).
    DebitCard,
    /// Boleto bancário (BR).
    Boleto,
    /// PIX (BR).
    Pix,
    /// SPEI transfer (MX).
    Spei,
    /// OXXO cash (MX).
    Oxxo,
    /// PayPal, MercadoPago.
    EWallet,
    /// Transferencias 3.0 QR (AR).
    Qra,
    /// Pago Fácil cash (AR).
    Pfc,
    /// Apple Pay.
    ApplePay,
    /// Google Pay.
    GooglePay,
    /// A value this version does not know.
    Unknown(String),
}

impl TypeCharge {
    /// The eleven known methods.
    pub const KNOWN: [TypeCharge; 11] = [
        TypeCharge::CreditCard,
        TypeCharge::DebitCard,
        TypeCharge::Boleto,
        TypeCharge::Pix,
        TypeCharge::Spei,
        TypeCharge::Oxxo,
        TypeCharge::EWallet,
        TypeCharge::Qra,
        TypeCharge::Pfc,
        TypeCharge::ApplePay,
        TypeCharge::GooglePay,
    ];

    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            TypeCharge::CreditCard => "credit_card",
            TypeCharge::DebitCard => "debit_card",
            TypeCharge::Boleto => "boleto",
            TypeCharge::Pix => "pix",
            TypeCharge::Spei => "spei",
            TypeCharge::Oxxo => "oxxo",
            TypeCharge::EWallet => "e_wallet",
            TypeCharge::Qra => "qra",
            TypeCharge::Pfc => "pfc",
            TypeCharge::ApplePay => "applepay",
            TypeCharge::GooglePay => "googlepay",
            TypeCharge::Unknown(s) => s,
        }
    }

    /// Reads a wire value; unknown text is kept.
    pub fn parse(text: &str) -> TypeCharge {
        TypeCharge::KNOWN
            .into_iter()
            .find(|t| t.as_str() == text)
            .unwrap_or_else(|| TypeCharge::Unknown(text.to_string()))
    }

    /// Whether this is a card method (credit or debit).
    pub fn is_card(&self) -> bool {
        matches!(self, TypeCharge::CreditCard | TypeCharge::DebitCard)
    }
}

impl fmt::Display for TypeCharge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for TypeCharge {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TypeCharge {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(TypeCharge::parse(&text))
    }
}
