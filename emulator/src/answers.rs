//! The schemas of the emulator's answers: core's response models (feature `schema`), with the
//! fields the emulator writes beyond what the SDK reads into them (kept in a model's raw JSON).

use a55_core::models::json_schema::Amount;
use a55_core::models::{Charge, CheckoutSession, PublicCharge, Wallet};
use schemars::JsonSchema;

/// A charge as the emulator answers it: core's [`Charge`] and these fields.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `ChargeRec::to_json` writes the same names.
pub struct ChargeAnswer {
    #[serde(flatten)]
    charge: Charge,
    /// Your order id (the request's `reference_external_id`).
    transaction_reference: Option<String>,
    /// When the charge was created (ISO 8601).
    created_at: Option<String>,
    /// When it last changed (ISO 8601).
    updated_at: Option<String>,
    /// The acquirer's return code (`4` or `6` approved; `05`, `57`, … declined).
    return_code: Option<String>,
    /// How much was captured (a charge created with `capture: false`).
    captured_amount: Option<Amount>,
}

/// A charge as `/_emulator/charges` lists it: its answer, the order id and the card's last digits.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
pub struct ControlCharge {
    #[serde(flatten)]
    charge: ChargeAnswer,
    /// The request's `reference_external_id`.
    reference_external_id: Option<String>,
    /// The card's last four digits.
    card_last4: Option<String>,
}

/// A wallet as the emulator answers it.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used: `WalletRec::to_json` writes the same names.
pub struct WalletAnswer {
    #[serde(flatten)]
    wallet: Wallet,
    /// Always `active`.
    status: Option<String>,
    /// When it was created (ISO 8601).
    created_at: Option<String>,
}

/// A checkout session as the emulator answers it.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
pub struct CheckoutAnswer {
    #[serde(flatten)]
    session: CheckoutSession,
    /// The most installments the payer may choose.
    max_installments: Option<u32>,
}

/// The payer, as the public charge names them.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
pub struct Customer {
    /// Their name.
    name: Option<String>,
    /// Their email.
    email: Option<String>,
}

/// What the public charge endpoint says of a charge.
#[derive(JsonSchema)]
#[allow(dead_code)] // Only its schema is used.
pub struct PublicChargeAnswer {
    #[serde(flatten)]
    charge: PublicCharge,
    /// The payer.
    customer: Option<Customer>,
    /// Whether the charge asks for 3DS.
    threeds_auth: Option<bool>,
}
