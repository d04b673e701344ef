//! The host shape of every response model, described for the packages that generate their
//! language's types from it (the Node package's `lib/models.d.ts`): field names and what each
//! holds, exactly as [`serde::Serialize`] writes it (`encode.rs`).
//!
//! The list below names each model's fields once more, and the compiler holds it to the structs: it
//! destructures each model without `..` and checks every field's type, so a field added, removed,
//! renamed or retyped in `responses.rs` does not build until it is described here too.

use rust_decimal::Decimal;

use super::lenient::Lenient;
use super::{
    Charge, CheckoutSession, Installment, Page, PaymentLink, PixPayload, PublicCharge,
    ServerMessage, Subscription, SubscriptionCharge, SubscriptionInfo, TypeCharge, Wallet,
    WalletCredentials,
};
use crate::money::Currency;
use crate::redact::Secret;
use crate::schedule::{Cycle, Date};
use crate::status::{ChargeStatus, CheckoutStatus, PaymentLinkStatus, SubscriptionStatus};

/// What a field holds, in the host shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Text.
    Text,
    /// An amount as decimal text (`"450.00"`).
    Decimal,
    /// A date as `YYYY-MM-DD` text.
    Date,
    /// A whole number.
    Count,
    /// One of a set of wire texts, or a text this version does not know.
    Enum {
        /// The set's name (`ChargeStatus`).
        name: &'static str,
        /// The texts this version knows.
        known: Vec<String>,
    },
    /// Another model, by name.
    Model(&'static str),
    /// The value or `null`.
    Optional(Box<Shape>),
    /// A list.
    List(Box<Shape>),
}

/// A type with a host shape.
pub trait HostShape {
    /// Its shape.
    fn shape() -> Shape;
}

impl HostShape for String {
    fn shape() -> Shape {
        Shape::Text
    }
}

impl HostShape for Secret {
    fn shape() -> Shape {
        Shape::Text
    }
}

impl HostShape for Decimal {
    fn shape() -> Shape {
        Shape::Decimal
    }
}

impl HostShape for Date {
    fn shape() -> Shape {
        Shape::Date
    }
}

impl HostShape for u32 {
    fn shape() -> Shape {
        Shape::Count
    }
}

impl<T: HostShape> HostShape for Option<T> {
    fn shape() -> Shape {
        Shape::Optional(Box::new(T::shape()))
    }
}

impl<T: HostShape> HostShape for Vec<T> {
    fn shape() -> Shape {
        Shape::List(Box::new(T::shape()))
    }
}

macro_rules! enum_shape {
    ($($ty:ty => $name:literal, $known:expr;)*) => {$(
        impl HostShape for $ty {
            fn shape() -> Shape {
                Shape::Enum { name: $name, known: $known }
            }
        }
    )*};
}

fn texts<T>(values: &[T], text: impl Fn(&T) -> &str) -> Vec<String> {
    values.iter().map(|v| text(v).to_string()).collect()
}

enum_shape! {
    ChargeStatus => "ChargeStatus", texts(ChargeStatus::KNOWN, |s| s.as_str());
    SubscriptionStatus => "SubscriptionStatus", texts(SubscriptionStatus::KNOWN, |s| s.as_str());
    CheckoutStatus => "CheckoutStatus", texts(CheckoutStatus::KNOWN, |s| s.as_str());
    PaymentLinkStatus => "PaymentLinkStatus", texts(PaymentLinkStatus::KNOWN, |s| s.as_str());
    TypeCharge => "TypeCharge", texts(&TypeCharge::KNOWN, |s| s.as_str());
    Lenient<Currency> => "Currency", texts(&Currency::ALL, |c| c.code());
    Lenient<Cycle> => "Cycle", texts(&Cycle::ALL, |c| c.as_str());
}

/// One model's fields, in declaration order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelShape {
    /// The model's name (`Charge`; `ChargePage` for a page of charges).
    pub name: &'static str,
    /// Each field's name and shape.
    pub fields: Vec<(&'static str, Shape)>,
}

macro_rules! model_shapes {
    ($($label:ident : $ty:ty => $pat:ident { $($field:ident : $fty:ty),* ; $($raw:ident)? })*) => {
        $(
            impl HostShape for $ty {
                fn shape() -> Shape {
                    Shape::Model(stringify!($label))
                }
            }
        )*

        /// Every response model's shape, nested models first.
        pub fn model_shapes() -> Vec<ModelShape> {
            vec![$(
                ModelShape {
                    name: stringify!($label),
                    fields: vec![$((stringify!($field), <$fty as HostShape>::shape())),*],
                },
            )*]
        }

        /// Not called: it compiles only while the lists above match the structs field for field.
        #[allow(dead_code)]
        fn every_field_is_described() {
            $(
                {
                    fn check(m: &$ty) {
                        let $pat { $($field,)* $($raw: _)? } = m;
                        $(let _: &$fty = $field;)*
                    }
                    let _ = check;
                }
            )*
        }
    };
}

model_shapes! {
    ServerMessage: ServerMessage => ServerMessage {
        code: Option<String>,
        source: Option<String>,
        description: Option<String>,
        field: Option<String>;

    }
    Installment: Installment => Installment {
        local_currency: Option<Decimal>,
        currency: Option<Lenient<Currency>>,
        usd_currency: Option<Decimal>,
        eur_currency: Option<Decimal>,
        due_date: Option<Date>,
        status: Option<ChargeStatus>,
        installment_number: Option<u32>;

    }
    PixPayload: PixPayload => PixPayload {
        qr_code_base64: Option<String>,
        copy_paste: Option<String>,
        expiration: Option<String>;

    }
    SubscriptionInfo: SubscriptionInfo => SubscriptionInfo {
        subscription_uuid: Option<String>,
        cycle: Option<Lenient<Cycle>>,
        status: Option<SubscriptionStatus>,
        next_charge_date: Option<Date>,
        end_date: Option<Date>;

    }
    Charge: Charge => Charge {
        charge_uuid: Option<String>,
        status: ChargeStatus,
        local_currency: Option<Decimal>,
        currency: Option<Lenient<Currency>>,
        usd_currency: Option<Decimal>,
        eur_currency: Option<Decimal>,
        type_charge: Option<TypeCharge>,
        date: Option<String>,
        description: Option<String>,
        due_date: Option<Date>,
        installment_count: Option<u32>,
        installments: Vec<Installment>,
        charge_payment_url: Option<String>,
        url_3ds: Option<String>,
        message: Vec<ServerMessage>,
        subscription: Option<SubscriptionInfo>,
        pix_payload: Option<PixPayload>,
        boleto_url: Option<String>,
        barcode: Option<String>,
        wallet_uuid: Option<String>,
        refunded_amount: Option<Decimal>;
        raw
    }
    WalletCredentials: WalletCredentials => WalletCredentials {
        client_id: Option<String>,
        client_secret: Secret,
        grant_type: Option<String>,
        scopes: Vec<String>;

    }
    Wallet: Wallet => Wallet {
        wallet_uuid: Option<String>,
        entity_uuid: Option<String>,
        merchant_uuid: Option<String>,
        customer_id: Option<String>,
        currency: Option<Lenient<Currency>>,
        name: Option<String>,
        email: Option<String>,
        credentials: Option<WalletCredentials>;
        raw
    }
    CheckoutSession: CheckoutSession => CheckoutSession {
        checkout_uuid: Option<String>,
        checkout_url: Option<String>,
        status: Option<CheckoutStatus>,
        amount: Option<Decimal>,
        currency: Option<Lenient<Currency>>,
        expires_at: Option<String>,
        charge_uuid: Option<String>;
        raw
    }
    PaymentLink: PaymentLink => PaymentLink {
        payment_link_uuid: Option<String>,
        status: Option<PaymentLinkStatus>,
        url: Option<String>,
        local_currency: Option<Decimal>,
        currency: Option<Lenient<Currency>>,
        usd_currency: Option<Decimal>,
        eur_currency: Option<Decimal>;
        raw
    }
    ChargePage: Page<Charge> => Page {
        page: Option<u32>,
        limit: Option<u32>,
        total: Option<u32>,
        pages: Option<u32>,
        data: Vec<Charge>;
        raw
    }
    SubscriptionCharge: SubscriptionCharge => SubscriptionCharge {
        charge_uuid: Option<String>,
        amount: Option<Decimal>,
        status: Option<ChargeStatus>,
        created_at: Option<String>;

    }
    Subscription: Subscription => Subscription {
        subscription_uuid: Option<String>,
        cycle: Option<Lenient<Cycle>>,
        end_date: Option<Date>,
        status: Option<SubscriptionStatus>,
        description: Option<String>,
        next_due_date: Option<Date>,
        cancelled_at: Option<String>,
        charges: Vec<SubscriptionCharge>;
        raw
    }
    PublicCharge: PublicCharge => PublicCharge {
        charge_uuid: Option<String>,
        status: ChargeStatus,
        redirect_url: Option<String>,
        value: Option<Decimal>,
        currency: Option<Lenient<Currency>>,
        type_charge: Option<TypeCharge>,
        installment_count: Option<u32>,
        message: Vec<ServerMessage>;
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_models_come_before_their_users_and_statuses_are_listed() {
        let shapes = model_shapes();
        let names: Vec<&str> = shapes.iter().map(|m| m.name).collect();
        let pos = |n: &str| names.iter().position(|x| *x == n);
        assert!(pos("Installment") < pos("Charge") && pos("Charge") < pos("ChargePage"));
        let charge = shapes.iter().find(|m| m.name == "Charge");
        let status = charge.and_then(|c| c.fields.iter().find(|(f, _)| *f == "status"));
        match status.map(|(_, s)| s) {
            Some(Shape::Enum { name, known }) => {
                assert_eq!(*name, "ChargeStatus");
                assert!(known.iter().any(|k| k == "canceled"));
            }
            other => panic!("status is {other:?}"),
        }
    }
}
