//! Local validation of every request, before anything leaves the process.
//!
//! [`validate`] reports **every** issue at once, each with a code, a severity, the field's path and a
//! description; [`prepare`] does the same and also returns the payload that would be sent, with
//! amounts normalized, integer-valued floats written as integers, spaces removed from card numbers and
//! `null` optional fields dropped. Unknown keys are kept and sent as they are, with an `UNKNOWN_FIELD`
//! warning.
//!
//! Every rule and the decisions behind the rules are written in `docs/validation.md` (the codes in
//! `docs/issue-codes.md`, the card and tax-id rules in `docs/rules.md`).
//!
//! The code is in three parts: the field tables (`fields.rs`), the walker that checks a payload
//! against them (`walker.rs`), and the rules that relate one field to another (`rules.rs`). The
//! bodies a payer's browser sends to the public endpoints (the payment in A55's flat shape or its
//! browser SDK's nested one, and the 3DS set-up) are read in `public.rs`. The card's own rules (expiry, CVV, number length) are in [`crate::card`].

pub mod describe;
mod fields;
mod public;
mod rules;
mod walker;

pub use public::{
    SDK_CARD_NAMES, THREEDS_SETUP_BRANDS, flat_public_payment, is_sdk_shape, validate_threeds_setup,
};

use std::fmt;

use serde_json::Value;

use crate::codes::{Issue, IssueCode};
use crate::error::{RuleError, quote};
use crate::money::Currency;
use crate::schedule::Date;
use walker::{Seg, Validator};

/// The kinds of request `validate` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestKind {
    /// `POST /api/v1/bank/wallet/`.
    Wallet,
    /// `POST /api/v1/bank/wallet/charge/` (every `type_charge`, subscriptions included).
    Charge,
    /// `POST /api/v1/bank/wallet/charge/pix/`.
    PixCharge,
    /// `POST /api/v1/bank/wallet/checkout/`.
    Checkout,
    /// A refund: `charge_uuid`, `wallet_uuid` and an optional `amount`.
    Refund,
    /// A capture: `charge_uuid`, `wallet_uuid` and an optional `amount`.
    Capture,
    /// A payer's card payment of a charge through the public endpoint: the five card fields,
    /// optional `payer_tax_id` and `device_info`; or the same card under `card` in the nested shape
    /// of A55's browser SDK ([`flat_public_payment`] reads both).
    PublicPayment,
    /// `POST /api/v1/bank/wallet/payment-link/`: a reusable hosted payment page.
    PaymentLink,
}

impl RequestKind {
    /// All kinds.
    pub const ALL: [RequestKind; 8] = [
        RequestKind::Wallet,
        RequestKind::Charge,
        RequestKind::PixCharge,
        RequestKind::Checkout,
        RequestKind::Refund,
        RequestKind::Capture,
        RequestKind::PublicPayment,
        RequestKind::PaymentLink,
    ];

    /// The kind's name: `wallet`, `charge`, `pix_charge`, `checkout`, `refund`, `capture`,
    /// `public_payment`, `payment_link`.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Wallet => "wallet",
            RequestKind::Charge => "charge",
            RequestKind::PixCharge => "pix_charge",
            RequestKind::Checkout => "checkout",
            RequestKind::Refund => "refund",
            RequestKind::Capture => "capture",
            RequestKind::PublicPayment => "public_payment",
            RequestKind::PaymentLink => "payment_link",
        }
    }

    /// Reads a kind's name.
    pub fn parse(text: &str) -> Result<RequestKind, RuleError> {
        RequestKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| {
                RuleError::new(
                    IssueCode::InvalidValue,
                    "kind",
                    format!(
                        "kind {} is not one of wallet, charge, pix_charge, checkout, refund, capture, \
                         public_payment, payment_link",
                        quote(text)
                    ),
                )
            })
    }
}

impl fmt::Display for RequestKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The payment methods (`type_charge`).
pub const TYPE_CHARGES: [&str; 11] = [
    "credit_card",
    "debit_card",
    "boleto",
    "pix",
    "spei",
    "oxxo",
    "e_wallet",
    "qra",
    "pfc",
    "applepay",
    "googlepay",
];

/// Currencies a wallet can hold.
pub const WALLET_CURRENCIES: [Currency; 4] =
    [Currency::Brl, Currency::Mxn, Currency::Clp, Currency::Ars];
/// Currencies a charge or checkout can be in.
pub const CHARGE_CURRENCIES: [Currency; 7] = [
    Currency::Brl,
    Currency::Mxn,
    Currency::Clp,
    Currency::Cop,
    Currency::Pen,
    Currency::Ars,
    Currency::Usd,
];
/// Currencies a PIX charge can be in.
pub const PIX_CURRENCIES: [Currency; 1] = [Currency::Brl];

/// The validation result: the payload to send and every issue found.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// What would be sent: amounts normalized, unknown keys kept.
    pub payload: Value,
    /// Every issue, errors and warnings.
    pub issues: Vec<Issue>,
}

impl Prepared {
    /// Whether any issue stops the request.
    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(Issue::is_error)
    }

    /// The warnings alone.
    pub fn warnings(&self) -> Vec<Issue> {
        self.issues
            .iter()
            .filter(|i| !i.is_error())
            .cloned()
            .collect()
    }
}

/// Today at UTC−12: the earliest date still current somewhere, so a due date that is today for any
/// caller is never rejected.
pub fn default_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs - 12 * 3600, 0)
        .map(|dt| dt.date_naive())
        .unwrap_or_default()
}

/// Validates a payload (`validate` in every language). Never fails: a payload that is not even an
/// object gives an `INVALID_TYPE` issue. Reads the payload without copying it.
pub fn validate(kind: RequestKind, payload: &Value, today: Option<Date>) -> Vec<Issue> {
    run(kind, payload, today).issues
}

/// Validates a payload and returns what would be sent.
pub fn prepare(kind: RequestKind, payload: &Value, today: Option<Date>) -> Prepared {
    prepare_owned(kind, payload.clone(), today)
}

/// [`prepare`] for a payload the caller keeps: it is copied only when a normalization applies.
pub fn prepare_borrowed(
    kind: RequestKind,
    payload: &Value,
    today: Option<Date>,
) -> (std::borrow::Cow<'_, Value>, Vec<Issue>) {
    let v = run(kind, payload, today);
    if v.rewrites.is_empty() {
        return (std::borrow::Cow::Borrowed(payload), v.issues);
    }
    let mut owned = payload.clone();
    for (at, value) in v.rewrites {
        apply(&mut owned, &at, value);
    }
    (std::borrow::Cow::Owned(owned), v.issues)
}

/// [`prepare`] for a payload the caller gives away (no copy is made).
pub fn prepare_owned(kind: RequestKind, mut payload: Value, today: Option<Date>) -> Prepared {
    let v = run(kind, &payload, today);
    for (at, value) in v.rewrites {
        apply(&mut payload, &at, value);
    }
    Prepared {
        payload,
        issues: v.issues,
    }
}

/// A validation about to start.
fn validator(today: Option<Date>) -> Validator {
    Validator {
        issues: Vec::new(),
        today: today.unwrap_or_else(default_today),
        at: Vec::new(),
        rewrites: Vec::new(),
    }
}

fn run(kind: RequestKind, payload: &Value, today: Option<Date>) -> Validator {
    let mut v = validator(today);
    match payload.as_object() {
        Some(obj) => match kind {
            RequestKind::Wallet => v.wallet(obj),
            RequestKind::Charge => v.charge(obj, false),
            RequestKind::PixCharge => v.charge(obj, true),
            RequestKind::Checkout => v.checkout(obj),
            RequestKind::Refund | RequestKind::Capture => v.refund_or_capture(obj, kind),
            RequestKind::PublicPayment => v.public_payment(obj),
            RequestKind::PaymentLink => v.payment_link(obj),
        },
        None => v.push(
            IssueCode::InvalidType,
            "",
            format!("the {kind} request body must be a JSON object"),
        ),
    }
    v
}

/// Sets (or, with `None`, removes) the value at `at`, keeping the order of the other keys.
fn apply(root: &mut Value, at: &[Seg], value: Option<Value>) {
    let Some((last, parents)) = at.split_last() else {
        if let Some(v) = value {
            *root = v;
        }
        return;
    };
    let mut cur = root;
    for seg in parents {
        let next = match (seg, cur) {
            (Seg::Key(k), Value::Object(m)) => m.get_mut(*k),
            (Seg::Index(i), Value::Array(a)) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return,
        }
    }
    match (last, cur, value) {
        (Seg::Key(k), Value::Object(m), Some(v)) => {
            m.insert((*k).to_string(), v);
        }
        (Seg::Key(k), Value::Object(m), None) => {
            m.remove(*k);
        }
        (Seg::Index(i), Value::Array(a), Some(v)) => {
            if let Some(slot) = a.get_mut(*i) {
                *slot = v;
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prepare_normalizes_what_is_sent_and_keeps_the_rest() {
        let payload = json!({"wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479", "amount": "10.005",
            "charge_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479", "reason": null, "zzz": 1});
        let p = prepare(RequestKind::Refund, &payload, None);
        assert_eq!(
            p.payload["amount"].to_string(),
            "10.01",
            "a JSON number with the normalized digits"
        );
        assert!(
            p.payload.get("reason").is_none(),
            "null optional fields are dropped"
        );
        assert_eq!(p.payload["zzz"], 1, "unknown keys are kept");
        let keys: Vec<&String> = p.payload.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["amount", "charge_uuid", "wallet_uuid", "zzz"],
            "every key kept"
        );
        let items = json!({"items": [{"quantity": 2.0}], "card_number": "4024 0071 5376 3130"});
        let p = prepare(RequestKind::Charge, &items, None);
        assert_eq!(p.payload["items"][0]["quantity"].to_string(), "2");
        assert_eq!(p.payload["card_number"], "4024007153763130");
    }

    #[test]
    fn a_lent_payload_is_copied_only_to_normalize_it() {
        let clean = json!({"wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479", "amount": 10.01,
            "charge_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479"});
        let (checked, issues) = prepare_borrowed(RequestKind::Refund, &clean, None);
        assert!(issues.is_empty());
        assert!(matches!(checked, std::borrow::Cow::Borrowed(_)));
        let mut rounding = clean.clone();
        rounding["amount"] = json!("10.005");
        let (checked, issues) = prepare_borrowed(RequestKind::Refund, &rounding, None);
        assert_eq!(issues.len(), 1, "AMOUNT_ROUNDED");
        assert!(matches!(checked, std::borrow::Cow::Owned(_)));
        assert_eq!(checked["amount"].to_string(), "10.01");
        assert_eq!(
            rounding["amount"], "10.005",
            "the caller's payload is untouched"
        );
        assert_eq!(
            *checked,
            prepare(RequestKind::Refund, &rounding, None).payload
        );
    }
}
