//! What the emulator keeps: credentials, tokens, wallets, charges (and their JSON), subscriptions,
//! checkout sessions and payment links, idempotency records, webhook deliveries.

use a55_core::Decimal;
use a55_core::models::TypeCharge;
use a55_core::money::Currency;
use a55_core::schedule::Date;
use a55_core::status::{ChargeStatus, CheckoutStatus, SubscriptionStatus};
use serde_json::{Value, json};

use super::clock::iso;

/// Who a token acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// Platform credentials: every wallet of the entity.
    Platform {
        /// The entity.
        entity_uuid: String,
    },
    /// Wallet credentials: that wallet only.
    Wallet {
        /// The wallet.
        wallet_uuid: String,
    },
}

/// OAuth client credentials the token endpoint accepts.
#[derive(Debug, Clone)]
pub struct ClientRec {
    /// The secret.
    pub secret: String,
    /// Who its tokens act for.
    pub principal: Principal,
}

/// An issued access token.
#[derive(Debug, Clone)]
pub struct TokenRec {
    /// The client it was issued to.
    pub client_id: String,
    /// Who it acts for.
    pub principal: Principal,
    /// Unix seconds (emulator clock).
    pub expires_at: i64,
}

/// A wallet.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct WalletRec {
    pub wallet_uuid: String,
    pub entity_uuid: String,
    pub merchant_uuid: String,
    pub customer_id: String,
    pub currency: Currency,
    pub name: String,
    pub email: String,
    pub created_at: i64,
}

impl WalletRec {
    /// The wallet's JSON (credentials are added only on creation).
    pub fn to_json(&self) -> Value {
        json!({
            "wallet_uuid": self.wallet_uuid,
            "entity_uuid": self.entity_uuid,
            "merchant_uuid": self.merchant_uuid,
            "customer_id": self.customer_id,
            "currency": self.currency.code(),
            "name": self.name,
            "email": self.email,
            "status": "active",
            "created_at": iso(self.created_at),
        })
    }
}

/// A charge.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct ChargeRec {
    pub charge_uuid: String,
    pub wallet_uuid: String,
    pub merchant_id: String,
    pub type_charge: TypeCharge,
    pub status: ChargeStatus,
    pub currency: Currency,
    pub installment_value: Decimal,
    pub installments: Vec<(Decimal, Date)>,
    pub date: Date,
    pub due_date: Date,
    pub description: String,
    pub payer_name: String,
    pub payer_email: String,
    /// Last digit of the card, which decides the sandbox outcome.
    pub card_digit: Option<u8>,
    pub card_last4: Option<String>,
    pub capture: bool,
    pub threeds: bool,
    /// The error message array, when declined.
    pub message: Option<Value>,
    /// The acquirer return code.
    pub return_code: Option<String>,
    pub webhook_url: Option<String>,
    pub redirect_url: Option<String>,
    pub reference_external_id: Option<String>,
    pub subscription_uuid: Option<String>,
    pub payment_link_uuid: Option<String>,
    pub checkout_uuid: Option<String>,
    pub pix_payload: Option<Value>,
    pub boleto: Option<(String, String)>,
    pub refunded: Decimal,
    pub captured: Option<Decimal>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Its creation number, set when it is stored.
    pub seq: u64,
}

impl ChargeRec {
    /// A charge with nothing filled in yet but its ids, currency and dates (`today`, `now`).
    pub fn blank(
        charge_uuid: String,
        wallet_uuid: String,
        currency: Currency,
        today: Date,
        now: i64,
    ) -> ChargeRec {
        ChargeRec {
            charge_uuid,
            wallet_uuid,
            merchant_id: String::new(),
            type_charge: TypeCharge::Unknown(String::new()),
            status: ChargeStatus::Issued,
            currency,
            installment_value: Decimal::ZERO,
            installments: Vec::new(),
            date: today,
            due_date: today,
            description: String::new(),
            payer_name: String::new(),
            payer_email: String::new(),
            card_digit: None,
            card_last4: None,
            capture: true,
            threeds: false,
            message: None,
            return_code: None,
            webhook_url: None,
            redirect_url: None,
            reference_external_id: None,
            subscription_uuid: None,
            payment_link_uuid: None,
            checkout_uuid: None,
            pix_payload: None,
            boleto: None,
            refunded: Decimal::ZERO,
            captured: None,
            created_at: now,
            updated_at: now,
            seq: 0,
        }
    }

    /// The charge's total: installment value × count (or the sum of split parts).
    pub fn total(&self) -> Decimal {
        self.installments.iter().map(|(a, _)| *a).sum()
    }

    /// Whether money can still be refunded.
    pub fn refundable(&self) -> Decimal {
        self.total() - self.refunded
    }
}

/// A subscription.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct SubscriptionRec {
    pub subscription_uuid: String,
    pub wallet_uuid: String,
    pub cycle: a55_core::schedule::Cycle,
    pub end_date: Option<Date>,
    pub status: SubscriptionStatus,
    pub description: String,
    pub due_date: Date,
    pub next_charge_date: Option<Date>,
    pub charge_uuids: Vec<String>,
    pub cancelled_at: Option<i64>,
}

/// A checkout session or payment link.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct CheckoutRec {
    pub checkout_uuid: String,
    pub wallet_uuid: String,
    pub merchant_id: String,
    pub amount: Decimal,
    pub currency: Currency,
    pub description: String,
    pub redirect_url: Option<String>,
    pub cancel_url: Option<String>,
    pub webhook_url: Option<String>,
    pub reference_external_id: Option<String>,
    pub max_installments: u32,
    pub due_date: Date,
    pub status: CheckoutStatus,
    pub charge_uuid: Option<String>,
    pub payer_email: Option<String>,
    /// Set for payment links.
    pub payment_link: bool,
    /// Created with `threeds_authentication: true`: its payments go through the 3DS challenge.
    pub threeds: bool,
}

/// An idempotency record.
#[derive(Debug, Clone)]
pub enum IdemState {
    /// The first request is still being processed.
    InProgress,
    /// Its answer.
    Done {
        /// HTTP status.
        status: u16,
        /// The body as it was written (replayed byte for byte; shared, not copied).
        body: axum::body::Bytes,
    },
}

/// What was stored under one (client, key).
#[derive(Debug, Clone)]
pub struct IdemRec {
    /// Method and path of the first request.
    pub route: String,
    /// A digest of the first request's parsed body (its canonical JSON text: keys sorted), which
    /// a repeated request must match. A digest, not the body: a key's record stays small however
    /// many the emulator holds.
    pub body_digest: u64,
    /// Its state.
    pub state: IdemState,
    /// Unix seconds (emulator clock).
    pub created_at: i64,
}

/// One webhook delivery attempt, for assertions.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct DeliveryRec {
    pub delivery_id: u64,
    pub url: String,
    pub charge_uuid: String,
    pub status: ChargeStatus,
    pub attempts: Vec<Value>,
    pub outcome: String,
}
