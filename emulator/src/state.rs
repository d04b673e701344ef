//! The emulator's state: credentials, tokens, wallets, charges, subscriptions, checkouts, payment
//! links, idempotency records, rate-limit windows and webhook deliveries.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use a55_core::Decimal;
use a55_core::money::Currency;
use a55_core::schedule::{Date, format_date};
use serde_json::{Value, json};

use crate::config::EmulatorConfig;
use crate::fx;

/// The entity that owns the platform credentials at start.
pub const FIXTURE_ENTITY: &str = "550e8400-e29b-41d4-a716-446655440000";
/// The BRL wallet that the seeds' charge, PIX, subscription and checkout examples use.
pub const FIXTURE_WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
/// That wallet's merchant.
pub const FIXTURE_MERCHANT: &str = "11111111-1111-1111-1111-111111111111";

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
    pub type_charge: String,
    pub status: String,
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
}

impl ChargeRec {
    /// The charge's total: installment value × count (or the sum of split parts).
    pub fn total(&self) -> Decimal {
        self.installments.iter().map(|(a, _)| *a).sum()
    }

    /// Whether money can still be refunded.
    pub fn refundable(&self) -> Decimal {
        self.total() - self.refunded
    }

    /// The charge as A55 answers it.
    pub fn to_json(&self, base_url: &str) -> Value {
        let total = self.total();
        let (usd, eur) = fx::equivalents(total, self.currency);
        let installments: Vec<Value> = self
            .installments
            .iter()
            .enumerate()
            .map(|(i, (amount, due))| {
                let (usd, eur) = fx::equivalents(*amount, self.currency);
                json!({
                    "local_currency": num(*amount),
                    "currency": self.currency.code(),
                    "usd_currency": usd.map(num),
                    "eur_currency": eur.map(num),
                    "due_date": format_date(*due),
                    "status": self.status,
                    "installment_number": i + 1,
                })
            })
            .collect();
        let mut out = json!({
            "charge_uuid": self.charge_uuid,
            "wallet_uuid": self.wallet_uuid,
            "local_currency": num(total),
            "currency": self.currency.code(),
            "usd_currency": usd.map(num),
            "eur_currency": eur.map(num),
            "type": self.type_charge,
            "date": format_date(self.date),
            "description": self.description,
            "due_date": format_date(self.due_date),
            "status": self.status,
            "message": self.message.clone().unwrap_or(Value::Null),
            "installment_count": self.installments.len(),
            "installments": installments,
            "charge_payment_url": format!("{base_url}/pay/charge/{}", self.charge_uuid),
            "transaction_reference": self.reference_external_id,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
        });
        let obj = out.as_object_mut();
        if let Some(obj) = obj {
            if self.status == "pending" && self.threeds {
                obj.insert(
                    "url_3ds".into(),
                    json!(format!("{base_url}/3ds/{}", self.charge_uuid)),
                );
            }
            if let Some(p) = &self.pix_payload {
                obj.insert("pix_payload".into(), p.clone());
            }
            if let Some((url, barcode)) = &self.boleto {
                obj.insert("boleto_url".into(), json!(url));
                obj.insert("barcode".into(), json!(barcode));
            }
            if !self.refunded.is_zero() {
                obj.insert("refunded_amount".into(), num(self.refunded));
            }
            if let Some(c) = self.captured {
                obj.insert("captured_amount".into(), num(c));
            }
            if let Some(code) = &self.return_code {
                obj.insert("return_code".into(), json!(code));
            }
        }
        out
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
    pub status: String,
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
    pub status: String,
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
        /// Body.
        body: Value,
    },
}

/// What was stored under one (client, key).
#[derive(Debug, Clone)]
pub struct IdemRec {
    /// Method and path of the first request.
    pub route: String,
    /// The first request's parsed body.
    pub body: Value,
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
    pub status: String,
    pub attempts: Vec<Value>,
    pub outcome: String,
}

/// A rate-limit window.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// Unix seconds when it started.
    pub start: i64,
    /// Requests in it.
    pub count: u32,
}

/// All mutable state, behind one lock.
#[derive(Debug, Default)]
#[allow(missing_docs)]
pub struct Store {
    pub clients: HashMap<String, ClientRec>,
    pub tokens: HashMap<String, TokenRec>,
    pub token_requests: u64,
    pub wallets: BTreeMap<String, WalletRec>,
    pub charges: HashMap<String, ChargeRec>,
    /// Charge ids in creation order.
    pub charge_order: Vec<String>,
    pub subscriptions: HashMap<String, SubscriptionRec>,
    pub checkouts: HashMap<String, CheckoutRec>,
    pub idempotency: HashMap<(String, String), IdemRec>,
    pub windows: HashMap<String, Window>,
    pub deliveries: Vec<DeliveryRec>,
    pub requests: u64,
    pub faults: BTreeMap<String, u64>,
    pub idempotent_replays: u64,
    /// Faults queued by `/_emulator/faults` for the next API requests, in order.
    pub fault_queue: std::collections::VecDeque<crate::config::Fault>,
}

impl Store {
    /// The store with the seeds' fixtures.
    pub fn with_fixtures(config: &EmulatorConfig, now: i64) -> Store {
        let mut store = Store::default();
        store.clients.insert(
            config.client_id.clone(),
            ClientRec {
                secret: config.client_secret.clone(),
                principal: Principal::Platform {
                    entity_uuid: FIXTURE_ENTITY.into(),
                },
            },
        );
        store.wallets.insert(
            FIXTURE_WALLET.into(),
            WalletRec {
                wallet_uuid: FIXTURE_WALLET.into(),
                entity_uuid: FIXTURE_ENTITY.into(),
                merchant_uuid: FIXTURE_MERCHANT.into(),
                customer_id: "cust_fixture".into(),
                currency: Currency::Brl,
                name: "Loja Exemplo".into(),
                email: "financeiro@loja-exemplo.com.br".into(),
                created_at: now,
            },
        );
        store
    }

    /// Whether a principal may act on a wallet.
    pub fn may_act_on(&self, principal: &Principal, wallet_uuid: &str) -> bool {
        match principal {
            Principal::Wallet { wallet_uuid: own } => own.eq_ignore_ascii_case(wallet_uuid),
            Principal::Platform { entity_uuid } => self
                .wallets
                .get(wallet_uuid)
                .is_some_and(|w| &w.entity_uuid == entity_uuid),
        }
    }
}

/// How far `/_emulator/clock/advance` may move the clock in all: 1,000 years, past any schedule the
/// API accepts and well inside what dates and Unix seconds hold, so no date or time overflows.
pub const MAX_CLOCK_ADVANCE_SECS: i64 = 1_000 * 366 * 86_400;

/// The emulator's clock: the real clock plus an offset moved by `/_emulator/clock/advance`.
#[derive(Debug)]
pub struct Clock {
    offset_secs: AtomicI64,
    base_today: Option<Date>,
}

impl Clock {
    /// A clock starting at `today` (or the real date).
    pub fn new(base_today: Option<Date>) -> Clock {
        Clock {
            offset_secs: AtomicI64::new(0),
            base_today,
        }
    }

    /// Unix seconds now.
    pub fn now(&self) -> i64 {
        real_now().saturating_add(self.offset_secs.load(Ordering::Relaxed))
    }

    /// Today's date: `--today` plus the days advanced, or the clock's UTC date.
    pub fn today(&self) -> Date {
        let offset_days = self.offset_secs.load(Ordering::Relaxed).div_euclid(86_400);
        match self.base_today {
            Some(d) => chrono::TimeDelta::try_days(offset_days)
                .and_then(|days| d.checked_add_signed(days))
                .unwrap_or(d),
            None => chrono::DateTime::from_timestamp(self.now(), 0)
                .map(|t| t.date_naive())
                .unwrap_or_default(),
        }
    }

    /// Moves the clock forward by `secs` (positive); refused, the clock unmoved, when that would take
    /// it past [`MAX_CLOCK_ADVANCE_SECS`] in all.
    pub fn advance(&self, secs: i64) -> Result<(), String> {
        self.offset_secs
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |offset| {
                offset
                    .checked_add(secs)
                    .filter(|moved| secs > 0 && (0..=MAX_CLOCK_ADVANCE_SECS).contains(moved))
            })
            .map(|_| ())
            .map_err(|_| {
                format!("the clock moves forward, at most {MAX_CLOCK_ADVANCE_SECS} seconds in all")
            })
    }
}

/// Seeded, repeatable draws: the n-th draw is a hash of (seed, n).
#[derive(Debug)]
pub struct Rng {
    seed: u64,
    counter: AtomicU64,
}

impl Rng {
    /// A generator.
    pub fn new(seed: u64) -> Rng {
        Rng {
            seed,
            counter: AtomicU64::new(0),
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&self) -> u64 {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        splitmix(self.seed ^ splitmix(n))
    }

    /// A uniform draw in [0, 1).
    pub fn unit(&self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Unix seconds on the real clock.
pub fn real_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// ISO 8601 UTC text of Unix seconds.
pub fn iso(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

pub use crate::json::num;

/// A random UUID v4 from the seeded generator.
pub fn uuid_from(rng: &Rng) -> String {
    let hi = rng.next_u64();
    let lo = rng.next_u64();
    let bytes: [u8; 16] = {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&hi.to_be_bytes());
        b[8..].copy_from_slice(&lo.to_be_bytes());
        b
    };
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}
