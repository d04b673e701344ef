//! The field tables as a public description: for each request kind, the fields A55 documents, what
//! each holds and whether it is required. The packages generate their payload types from it (the
//! Node package's `lib/payloads.d.ts`), so a field added to a table reaches every language's types.

use crate::money::Currency;
use crate::schedule::Cycle;

use super::fields::{
    CAPTURE, CHARGE, CHECKOUT, Field, PAYMENT_LINK, PIX_CHARGE, PUBLIC_PAYMENT, REFUND, Req,
    SALES_CHANNELS, Ty, WALLET,
};
use super::{RequestKind, TYPE_CHARGES};

/// What a payload field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadShape {
    /// Text (ids, names, emails, phones, tax ids, card fields, URLs…).
    Text,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// An amount: a number or decimal text.
    Amount,
    /// A whole number.
    Integer,
    /// Text or a number (A55 accepts both).
    TextOrNumber,
    /// `true` or `false`.
    Bool,
    /// One of these texts.
    OneOf(Vec<&'static str>),
    /// A list of these texts.
    ListOf(Vec<&'static str>),
    /// An object with these fields.
    Object(Vec<PayloadField>),
    /// A list of objects with these fields.
    Objects(Vec<PayloadField>),
    /// Any object (its keys are not checked).
    AnyObject,
}

/// One documented field of a payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayloadField {
    /// Its name, as A55 spells it.
    pub name: &'static str,
    /// Whether a payload must carry it.
    pub required: bool,
    /// What it holds.
    pub shape: PayloadShape,
}

fn table(kind: RequestKind) -> &'static [Field] {
    match kind {
        RequestKind::Wallet => WALLET,
        RequestKind::Charge => CHARGE,
        RequestKind::PixCharge => PIX_CHARGE,
        RequestKind::Checkout => CHECKOUT,
        RequestKind::Refund => REFUND,
        RequestKind::Capture => CAPTURE,
        RequestKind::PublicPayment => PUBLIC_PAYMENT,
        RequestKind::PaymentLink => PAYMENT_LINK,
    }
}

fn shape(ty: Ty) -> PayloadShape {
    match ty {
        Ty::Date => PayloadShape::Date,
        Ty::Amount => PayloadShape::Amount,
        Ty::Integer => PayloadShape::Integer,
        Ty::TextOrNumber => PayloadShape::TextOrNumber,
        Ty::Bool => PayloadShape::Bool,
        Ty::Currency => PayloadShape::OneOf(Currency::ALL.iter().map(|c| c.code()).collect()),
        Ty::TypeCharge => PayloadShape::OneOf(TYPE_CHARGES.to_vec()),
        Ty::Cycle => PayloadShape::OneOf(Cycle::ALL.iter().map(|c| c.as_str()).collect()),
        Ty::SalesChannel => PayloadShape::OneOf(SALES_CHANNELS.to_vec()),
        Ty::Methods => PayloadShape::ListOf(TYPE_CHARGES.to_vec()),
        Ty::Object(fields) => PayloadShape::Object(describe(fields)),
        Ty::ObjectList(fields) => PayloadShape::Objects(describe(fields)),
        Ty::AnyObject => PayloadShape::AnyObject,
        Ty::Text
        | Ty::Uuid
        | Ty::Email
        | Ty::Phone
        | Ty::Url(_)
        | Ty::TaxId
        | Ty::Country
        | Ty::PostalCode
        | Ty::State
        | Ty::CardNumber
        | Ty::ExpiryMonth
        | Ty::ExpiryYear
        | Ty::Cvv => PayloadShape::Text,
    }
}

fn describe(fields: &[Field]) -> Vec<PayloadField> {
    fields
        .iter()
        .map(|f| PayloadField {
            name: f.name,
            required: f.req != Req::Optional,
            shape: shape(f.ty),
        })
        .collect()
}

/// The documented fields of a request kind's payload.
///
/// ```
/// use a55_core::validate::{RequestKind, describe::payload_fields};
/// let charge = payload_fields(RequestKind::Charge);
/// assert!(charge.iter().any(|f| f.name == "wallet_uuid" && f.required));
/// ```
pub fn payload_fields(kind: RequestKind) -> Vec<PayloadField> {
    describe(table(kind))
}
