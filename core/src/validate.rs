//! Local validation of every request, before anything leaves the process.
//!
//! [`validate`] reports **every** issue at once, each with a code, a severity, the field's path and a
//! description; [`prepare`] does the same and also returns the payload that would be sent, with
//! amounts normalized, integer-valued floats written as integers, spaces removed from card numbers and
//! `null` optional fields dropped. Unknown keys are kept and sent as they are, with an `UNKNOWN_FIELD`
//! warning.
//!
//! The rules are CONTRACT.md §6; `docs/validation.md` says them for users.

use std::fmt;

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};

use crate::card::{CardBrand, card_brand, card_digits, luhn_ok};
use crate::codes::{Issue, IssueCode};
use crate::error::{RuleError, quote};
use crate::formats::{
    BR_STATES, is_acceptable_callback_url, is_email, is_phone, is_postal_code, is_uuid,
};
use crate::money::{AmountArg, Currency, ExactDecimal};
use crate::schedule::{Cycle, Date, parse_date};
use crate::tax_id::{is_country_code, validate_tax_id_at};

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
}

impl RequestKind {
    /// All kinds.
    pub const ALL: [RequestKind; 6] = [
        RequestKind::Wallet,
        RequestKind::Charge,
        RequestKind::PixCharge,
        RequestKind::Checkout,
        RequestKind::Refund,
        RequestKind::Capture,
    ];

    /// The kind's name: `wallet`, `charge`, `pix_charge`, `checkout`, `refund`, `capture`.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Wallet => "wallet",
            RequestKind::Charge => "charge",
            RequestKind::PixCharge => "pix_charge",
            RequestKind::Checkout => "checkout",
            RequestKind::Refund => "refund",
            RequestKind::Capture => "capture",
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
                        "kind {} is not one of wallet, charge, pix_charge, checkout, refund, capture",
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

const SALES_CHANNELS: [&str; 7] = [
    "web",
    "app",
    "pos",
    "marketplace",
    "link",
    "subscription",
    "api",
];
const H2H_FIELDS: [&str; 5] = [
    "card_number",
    "card_name",
    "card_expiry_month",
    "card_expiry_year",
    "card_cvv",
];

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

fn run(kind: RequestKind, payload: &Value, today: Option<Date>) -> Validator {
    let mut v = Validator {
        issues: Vec::new(),
        today: today.unwrap_or_else(default_today),
        at: Vec::new(),
        rewrites: Vec::new(),
    };
    match payload.as_object() {
        Some(obj) => match kind {
            RequestKind::Wallet => v.wallet(obj),
            RequestKind::Charge => v.charge(obj, false),
            RequestKind::PixCharge => v.charge(obj, true),
            RequestKind::Checkout => v.checkout(obj),
            RequestKind::Refund | RequestKind::Capture => v.refund_or_capture(obj, kind),
        },
        None => v.push(
            IssueCode::InvalidType,
            "",
            format!("the {kind} request body must be a JSON object"),
        ),
    }
    v
}

/// A step into a JSON value.
#[derive(Clone, Debug)]
enum Seg {
    Key(&'static str),
    Index(usize),
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
            m.shift_remove(*k);
        }
        (Seg::Index(i), Value::Array(a), Some(v)) => {
            if let Some(slot) = a.get_mut(*i) {
                *slot = v;
            }
        }
        _ => {}
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Req {
    Required,
    /// Must be present; may be an empty string (an address's `complement`).
    RequiredMayBeEmpty,
    Optional,
}

#[derive(Clone, Copy)]
enum Ty {
    Text,
    TextOrNumber,
    Uuid,
    Email,
    Phone,
    Date,
    Bool,
    Integer,
    Amount,
    Currency,
    TypeCharge,
    /// `true` for `redirect_url` (A55's own code `INVALID_REDIRECT_URL`).
    Url(bool),
    TaxId,
    Country,
    PostalCode,
    State,
    Cycle,
    CardNumber,
    ExpiryMonth,
    ExpiryYear,
    Cvv,
    SalesChannel,
    Methods,
    Object(&'static [Field]),
    ObjectList(&'static [Field]),
    /// Any JSON object; its keys are not checked.
    AnyObject,
}

#[derive(Clone, Copy)]
struct Field {
    name: &'static str,
    ty: Ty,
    req: Req,
}

const fn f(name: &'static str, ty: Ty, req: Req) -> Field {
    Field { name, ty, req }
}

use Req::{Optional as O, Required as R, RequiredMayBeEmpty as RE};

const CHARGE_ADDRESS: &[Field] = &[
    f("street", Ty::Text, R),
    f("address_number", Ty::Text, R),
    f("complement", Ty::Text, RE),
    f("neighborhood", Ty::Text, R),
    f("city", Ty::Text, R),
    f("state", Ty::State, R),
    f("postal_code", Ty::PostalCode, R),
    f("country", Ty::Country, O),
];

const PIX_ADDRESS: &[Field] = &[
    f("street", Ty::Text, R),
    f("address_number", Ty::Text, O),
    f("complement", Ty::Text, O),
    f("neighborhood", Ty::Text, O),
    f("city", Ty::Text, R),
    f("state", Ty::State, R),
    f("postal_code", Ty::PostalCode, R),
    f("country", Ty::Country, O),
];

const SHIPPING_ADDRESS: &[Field] = &[
    f("street", Ty::Text, O),
    f("address_number", Ty::Text, O),
    f("complement", Ty::Text, O),
    f("neighborhood", Ty::Text, O),
    f("city", Ty::Text, O),
    f("state", Ty::Text, O),
    f("postal_code", Ty::Text, O),
    f("country", Ty::Country, O),
];

const DEVICE_INFO: &[Field] = &[
    f("ip_address", Ty::Text, O),
    f("user_agent", Ty::Text, O),
    f("device_id", Ty::Text, O),
    f("session_id", Ty::Text, O),
    f("http_accept_content", Ty::Text, O),
    f("http_accept_browser_value", Ty::Text, O),
    f("http_browser_language", Ty::Text, O),
    f("http_browser_java_enabled", Ty::Bool, O),
    f("http_browser_javascript_enabled", Ty::Bool, O),
    f("http_browser_color_depth", Ty::TextOrNumber, O),
    f("http_browser_screen_height", Ty::TextOrNumber, O),
    f("http_browser_screen_width", Ty::TextOrNumber, O),
    f("http_browser_time_difference", Ty::TextOrNumber, O),
];

const ANTIFRAUD_INFO: &[Field] = &[
    f("sales_channel", Ty::SalesChannel, O),
    f("cardholder_logged_in", Ty::Bool, O),
    f("cardholder_since_days", Ty::Integer, O),
    f("purchase_history", Ty::Integer, O),
    f("days_since_last_purchase_merchant", Ty::Integer, O),
    f("days_since_first_purchase_cardholder", Ty::Integer, O),
];

const SUBSCRIPTION: &[Field] = &[f("cycle", Ty::Cycle, R), f("end_date", Ty::Date, O)];

const ITEM: &[Field] = &[
    f("name", Ty::Text, O),
    f("description", Ty::Text, O),
    f("quantity", Ty::Integer, O),
    f("total_amount", Ty::TextOrNumber, O),
    f("unit_amount", Ty::TextOrNumber, O),
    f("sku", Ty::Text, O),
    f("code", Ty::Text, O),
    f("img", Ty::Text, O),
];

const CHARGE: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, R),
    f("payer_name", Ty::Text, R),
    f("payer_email", Ty::Email, R),
    f("payer_tax_id", Ty::TaxId, R),
    f("payer_cell_phone", Ty::Phone, R),
    f("installment_value", Ty::Amount, R),
    f("installment_count", Ty::Integer, R),
    f("currency", Ty::Currency, R),
    f("due_date", Ty::Date, R),
    f("description", Ty::Text, R),
    f("type_charge", Ty::TypeCharge, R),
    f("payer_address", Ty::Object(CHARGE_ADDRESS), R),
    f("webhook_url", Ty::Url(false), O),
    f("redirect_url", Ty::Url(true), O),
    f("reference_external_id", Ty::Text, O),
    f("is_async", Ty::Bool, O),
    f("shipping_address", Ty::Object(SHIPPING_ADDRESS), O),
    f("card_number", Ty::CardNumber, O),
    f("card_name", Ty::Text, O),
    f("card_expiry_month", Ty::ExpiryMonth, O),
    f("card_expiry_year", Ty::ExpiryYear, O),
    f("card_cvv", Ty::Cvv, O),
    f("capture", Ty::Bool, O),
    f("threeds_authentication", Ty::Bool, O),
    f("device_info", Ty::Object(DEVICE_INFO), O),
    f("antifraud_info", Ty::Object(ANTIFRAUD_INFO), O),
    f("subscription", Ty::Object(SUBSCRIPTION), O),
    f("items", Ty::ObjectList(ITEM), O),
    f("applepay", Ty::AnyObject, O),
    f("googlepay", Ty::AnyObject, O),
];

const PIX_CHARGE: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, R),
    f("payer_name", Ty::Text, R),
    f("payer_email", Ty::Email, R),
    f("payer_tax_id", Ty::TaxId, R),
    f("payer_cell_phone", Ty::Phone, R),
    f("amount", Ty::Amount, R),
    f("currency", Ty::Currency, R),
    f("due_date", Ty::Date, R),
    f("description", Ty::Text, R),
    f("payer_address", Ty::Object(PIX_ADDRESS), R),
    f("webhook_url", Ty::Url(false), O),
    f("reference_external_id", Ty::Text, O),
];

const CHECKOUT: &[Field] = &[
    f("wallet_uuid", Ty::Uuid, R),
    f("merchant_id", Ty::Uuid, R),
    f("amount", Ty::Amount, R),
    f("currency", Ty::Currency, R),
    f("description", Ty::Text, R),
    f("redirect_url", Ty::Url(true), R),
    f("cancel_url", Ty::Url(false), O),
    f("due_date", Ty::Date, R),
    f("payer_email", Ty::Email, O),
    f("allowed_methods", Ty::Methods, O),
    f("max_installments", Ty::Integer, O),
    f("webhook_url", Ty::Url(false), O),
    f("reference_external_id", Ty::Text, O),
    f("is_checkout", Ty::Bool, O),
];

const WALLET: &[Field] = &[
    f("entity_uuid", Ty::Uuid, R),
    f("customer_id", Ty::Text, R),
    f("currency", Ty::Currency, R),
    f("name", Ty::Text, R),
    f("email", Ty::Email, R),
    f("create_credentials", Ty::Bool, R),
    f("merchant_uuid", Ty::Uuid, O),
];

const REFUND: &[Field] = &[
    f("charge_uuid", Ty::Uuid, R),
    f("wallet_uuid", Ty::Uuid, R),
    f("amount", Ty::Amount, O),
    f("reason", Ty::Text, O),
];

const CAPTURE: &[Field] = &[
    f("charge_uuid", Ty::Uuid, R),
    f("wallet_uuid", Ty::Uuid, R),
    f("amount", Ty::Amount, O),
];

/// The most fields a spec may list (checked at compile time below).
const MAX_FIELDS: usize = 40;

const _: () = {
    let specs: [&[Field]; 13] = [
        CHARGE_ADDRESS,
        PIX_ADDRESS,
        SHIPPING_ADDRESS,
        DEVICE_INFO,
        ANTIFRAUD_INFO,
        SUBSCRIPTION,
        ITEM,
        CHARGE,
        PIX_CHARGE,
        CHECKOUT,
        WALLET,
        REFUND,
        CAPTURE,
    ];
    let mut i = 0;
    while i < specs.len() {
        assert!(specs[i].len() <= MAX_FIELDS);
        i += 1;
    }
};

/// A list written as `a, b, c` only when a message needs it.
struct Joined<'a>(&'a [&'a str]);

impl fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(item)?;
        }
        Ok(())
    }
}

struct Validator {
    issues: Vec<Issue>,
    today: Date,
    /// Where the value being checked sits.
    at: Vec<Seg>,
    /// Normalizations to apply to the payload that is sent: (where, new value or removal).
    rewrites: Vec<(Vec<Seg>, Option<Value>)>,
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where a field sits (`name` or `prefix.name`), written out only when an issue names it.
#[derive(Clone, Copy)]
struct Path<'a> {
    prefix: &'a str,
    name: &'a str,
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.prefix.is_empty() {
            f.write_str(self.prefix)?;
            f.write_str(".")?;
        }
        f.write_str(self.name)
    }
}

/// The path of `name` under `prefix`; top-level names (most of them) are not copied.
fn join<'a>(prefix: &str, name: &'a str) -> std::borrow::Cow<'a, str> {
    if prefix.is_empty() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(format!("{prefix}.{name}"))
    }
}

/// An integer-valued JSON number (3 or 3.0 or 3e0), within i64.
fn as_integer(n: &Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let text = n.to_string();
    let d = text
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(&text).ok())?;
    if !d.fract().is_zero() {
        return None;
    }
    i64::try_from(d.trunc()).ok()
}

impl Validator {
    fn push(&mut self, code: IssueCode, field: impl fmt::Display, description: impl Into<String>) {
        self.issues
            .push(Issue::new(code, field.to_string(), description));
    }

    /// Checks an object's fields against a spec: presence, JSON types and context-free formats.
    /// Unknown keys give warnings. Values are rewritten in place where normalization applies.
    /// Records a normalization of the value at the current place (or of its child `key`).
    fn rewrite(&mut self, key: Option<&'static str>, value: Option<Value>) {
        let mut at = self.at.clone();
        at.extend(key.map(Seg::Key));
        self.rewrites.push((at, value));
    }

    fn object(&mut self, obj: &Map<String, Value>, spec: &[Field], prefix: &str) {
        // One pass over the keys, matching each against the spec by name (no hashing): payloads
        // usually list their fields in the documented order, so the search starts after the last
        // match. Unknown keys are reported in the payload's order, then fields in the spec's order.
        let mut slots: [Option<&Value>; MAX_FIELDS] = [None; MAX_FIELDS];
        let mut next = 0;
        for (key, value) in obj {
            let found = (next..spec.len())
                .chain(0..next)
                .find(|&j| spec.get(j).is_some_and(|f| f.name == key.as_str()));
            match found.and_then(|j| slots.get_mut(j).map(|slot| (j, slot))) {
                Some((j, slot)) => {
                    *slot = Some(value);
                    next = j + 1;
                }
                None => {
                    let path = join(prefix, key);
                    self.push(
                        IssueCode::UnknownField,
                        &path,
                        format!(
                            "{} is not a field the SDK knows; it is sent as it is",
                            quote(&path)
                        ),
                    );
                }
            }
        }
        for (field, slot) in spec.iter().zip(slots) {
            let value = match slot {
                None => None,
                Some(Value::Null) => {
                    self.rewrite(Some(field.name), None);
                    None
                }
                Some(v) => Some(v),
            };
            let path = Path {
                prefix,
                name: field.name,
            };
            match value {
                Some(Value::String(s)) if field.req == Req::Required && s.trim().is_empty() => {
                    self.push(
                        IssueCode::RequiredField,
                        path,
                        format!("{path} is required and must not be empty"),
                    );
                }
                Some(value) => {
                    self.at.push(Seg::Key(field.name));
                    self.value(value, field.ty, path);
                    self.at.pop();
                }
                None if field.req != Req::Optional => {
                    self.push(
                        IssueCode::RequiredField,
                        path,
                        format!("{path} is required"),
                    );
                }
                None => {}
            }
        }
    }

    fn type_error(&mut self, path: impl fmt::Display, expected: &str, got: &Value) {
        self.push(
            IssueCode::InvalidType,
            &path,
            format!("{path} must be {expected}, not {}", json_type(got)),
        );
    }

    fn text<'v>(&mut self, value: &'v Value, path: impl fmt::Display) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s),
            other => {
                self.type_error(path, "text", other);
                None
            }
        }
    }

    /// Text that must pass `ok`: a wrong JSON type is `INVALID_TYPE`, text that fails is `code`.
    fn format(
        &mut self,
        value: &Value,
        path: Path<'_>,
        ok: impl Fn(&str) -> bool,
        code: IssueCode,
        rule: impl fmt::Display,
    ) {
        if let Some(s) = self.text(value, path)
            && !ok(s)
        {
            self.push(code, path, format!("{path} {rule}"));
        }
    }

    fn value(&mut self, value: &Value, ty: Ty, path: Path<'_>) {
        match ty {
            Ty::Text | Ty::TaxId | Ty::PostalCode | Ty::State | Ty::Currency | Ty::Cvv => {
                self.text(value, path);
            }
            Ty::TextOrNumber => {
                if !matches!(value, Value::String(_) | Value::Number(_)) {
                    self.type_error(path, "text or a number", value);
                }
            }
            Ty::Uuid => self.format(
                value,
                path,
                is_uuid,
                IssueCode::InvalidUuid,
                "must be a UUID (8-4-4-4-12 hex digits)",
            ),
            Ty::Email => self.format(
                value,
                path,
                is_email,
                IssueCode::InvalidEmail,
                "must be an email address like name@example.com",
            ),
            Ty::Phone => self.format(
                value,
                path,
                is_phone,
                IssueCode::InvalidPhone,
                "must be a phone number with its country code: an optional + and 10 to 15 digits",
            ),
            Ty::Date => {
                // The path is written out only for an issue.
                if let Some(s) = self.text(value, path)
                    && parse_date(s, "").is_err()
                    && let Err(e) = parse_date(s, &path.to_string())
                {
                    self.issues.push(e.into_issue());
                }
            }
            Ty::Bool => {
                if !value.is_boolean() {
                    self.type_error(path, "true or false", value);
                }
            }
            Ty::Integer => match value {
                Value::Number(n) => match as_integer(n) {
                    Some(i) => {
                        if n.as_i64().is_none() {
                            self.rewrite(None, Some(Value::from(i)));
                        }
                    }
                    None => self.push(
                        IssueCode::InvalidType,
                        path,
                        format!("{path} must be a whole number"),
                    ),
                },
                other => self.type_error(path, "a whole number", other),
            },
            Ty::Amount => {
                if !matches!(value, Value::String(_) | Value::Number(_)) {
                    self.type_error(path, "a number or numeric text", value);
                }
            }
            Ty::TypeCharge => self.format(
                value,
                path,
                |s| TYPE_CHARGES.contains(&s),
                IssueCode::InvalidTypeCharge,
                format_args!(
                    "is not a payment method; use one of {}",
                    Joined(&TYPE_CHARGES)
                ),
            ),
            Ty::Url(redirect) => {
                let code = if redirect {
                    IssueCode::InvalidRedirectUrl
                } else {
                    IssueCode::InvalidUrl
                };
                self.format(
                    value,
                    path,
                    is_acceptable_callback_url,
                    code,
                    "must be a valid HTTPS URL",
                );
            }
            Ty::Country => self.format(
                value,
                path,
                is_country_code,
                IssueCode::InvalidCountry,
                "is not an ISO 3166-1 alpha-2 country code",
            ),
            Ty::Cycle => {
                if let Some(s) = self.text(value, path)
                    && let Err(e) = Cycle::parse(s)
                {
                    self.issues.push(e.at(path.to_string()).into_issue());
                }
            }
            Ty::CardNumber => {
                if let Some(s) = self.text(value, path) {
                    match card_digits(s) {
                        Some(d) if (12..=19).contains(&d.len()) => {
                            if !luhn_ok(&d) {
                                self.push(
                                    IssueCode::CardNumberChecksum,
                                    path,
                                    format!("{path} fails the Luhn checksum: A55's sandbox accepts it, production answers INVALID_CARD"),
                                );
                            }
                            if d != s {
                                self.rewrite(None, Some(Value::String(d)));
                            }
                        }
                        _ => self.push(
                            IssueCode::InvalidCardNumber,
                            path,
                            format!("{path} must be 12 to 19 digits (spaces and dashes allowed)"),
                        ),
                    }
                }
            }
            Ty::ExpiryMonth => self.format(
                value,
                path,
                |s| parse_month(s).is_some(),
                IssueCode::InvalidExpiry,
                "must be a month from 1 to 12 (\"1\" or \"01\")",
            ),
            Ty::ExpiryYear => self.format(
                value,
                path,
                |s| parse_year(s).is_some(),
                IssueCode::InvalidExpiry,
                "must be a four-digit year (YYYY)",
            ),
            Ty::SalesChannel => self.format(
                value,
                path,
                |s| SALES_CHANNELS.contains(&s),
                IssueCode::InvalidValue,
                format_args!("must be one of {}", Joined(&SALES_CHANNELS)),
            ),
            Ty::Methods => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let p = format!("{path}[{i}]");
                        match item {
                            Value::String(s) if TYPE_CHARGES.contains(&s.as_str()) => {}
                            Value::String(s) => self.push(
                                IssueCode::InvalidAllowedMethod,
                                &p,
                                format!(
                                    "{p} {} is not a payment method; use one of {}",
                                    quote(s),
                                    TYPE_CHARGES.join(", ")
                                ),
                            ),
                            other => self.type_error(&p, "text", other),
                        }
                    }
                }
                other => self.type_error(path, "an array of payment methods", other),
            },
            Ty::Object(spec) => match value {
                Value::Object(obj) => self.object(obj, spec, &path.to_string()),
                other => self.type_error(path, "an object", other),
            },
            Ty::ObjectList(spec) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let p = format!("{path}[{i}]");
                        match item {
                            Value::Object(obj) => {
                                self.at.push(Seg::Index(i));
                                self.object(obj, spec, &p);
                                self.at.pop();
                            }
                            other => self.type_error(&p, "an object", other),
                        }
                    }
                }
                other => self.type_error(path, "an array", other),
            },
            Ty::AnyObject => {
                if !value.is_object() {
                    self.type_error(path, "an object", value);
                }
            }
        }
    }

    /// Reads the currency, checking it against the allowed set.
    fn currency(&mut self, obj: &Map<String, Value>, allowed: &[Currency]) -> Option<Currency> {
        let Some(Value::String(code)) = obj.get("currency") else {
            return None;
        };
        if code.trim().is_empty() {
            return None;
        }
        match Currency::from_code(code) {
            Ok(c) if allowed.contains(&c) => Some(c),
            _ => {
                let list: Vec<&str> = allowed.iter().map(|c| c.code()).collect();
                self.push(
                    IssueCode::CurrencyNotSupported,
                    "currency",
                    format!(
                        "currency {} is not supported here; use {}",
                        quote(code),
                        list.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// Normalizes an amount field in place. Without a currency, the amount is still read and
    /// bounds-checked with two decimals, but not rewritten.
    fn amount(&mut self, obj: &Map<String, Value>, key: &'static str, currency: Option<Currency>) {
        let (text, is_text) = match obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => (s.clone(), true),
            Some(Value::Number(n)) => (n.to_string(), false),
            _ => return,
        };
        let exact = match ExactDecimal::from_arg(AmountArg::Text(&text), key) {
            Ok(e) => e,
            Err(e) => {
                self.issues.push(e.into_issue());
                return;
            }
        };
        match exact.normalize(currency.unwrap_or(Currency::Brl), key) {
            Ok(n) => {
                if currency.is_some() {
                    if n.rounded {
                        self.push(
                            IssueCode::AmountRounded,
                            key,
                            format!("{key} {text} is sent as {}", n.amount),
                        );
                    }
                    let normalized = n.amount.to_string();
                    // On the wire an amount is a JSON number with exactly the normalized digits.
                    if (is_text || normalized != text)
                        && let Ok(num) = normalized.parse::<Number>()
                    {
                        self.rewrite(Some(key), Some(Value::Number(num)));
                    }
                }
            }
            Err(e) => self.issues.push(e.into_issue()),
        }
    }

    fn text_of<'o>(obj: &'o Map<String, Value>, key: &str) -> Option<&'o str> {
        match obj.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
            _ => None,
        }
    }

    fn due_date(&mut self, obj: &Map<String, Value>) -> Option<Date> {
        let date = parse_date(Self::text_of(obj, "due_date")?, "due_date").ok()?;
        if date < self.today {
            self.push(
                IssueCode::DueDateInPast,
                "due_date",
                format!("due_date {date} is before today ({})", self.today),
            );
        }
        Some(date)
    }

    /// The country for tax ids and postal codes: the address's, else the currency's.
    fn country(address: Option<&Map<String, Value>>, currency: Option<Currency>) -> Option<String> {
        address
            .and_then(|a| Self::text_of(a, "country"))
            .filter(|c| is_country_code(c))
            .map(str::to_string)
            .or_else(|| currency.and_then(Currency::country).map(str::to_string))
    }

    fn address_rules(&mut self, obj: &Map<String, Value>, country: Option<&str>) {
        let Some(Value::Object(addr)) = obj.get("payer_address") else {
            return;
        };
        let Some(country) = country else { return };
        if let Some(code) = Self::text_of(addr, "postal_code")
            && !is_postal_code(code, country)
        {
            self.push(
                IssueCode::InvalidPostalCode,
                "payer_address.postal_code",
                format!(
                    "payer_address.postal_code {} is not a postal code of {country}",
                    quote(code)
                ),
            );
        }
        if country == "BR"
            && let Some(state) = Self::text_of(addr, "state")
            && !BR_STATES.contains(&state)
        {
            self.push(
                IssueCode::InvalidState,
                "payer_address.state",
                format!(
                    "payer_address.state {} is not one of Brazil's 27 UFs (SP, RJ, …)",
                    quote(state)
                ),
            );
        }
    }

    fn tax_id(&mut self, obj: &Map<String, Value>, country: Option<&str>) {
        let (Some(value), Some(country)) = (Self::text_of(obj, "payer_tax_id"), country) else {
            return;
        };
        if let Err(e) = validate_tax_id_at(value, country, "payer_tax_id") {
            self.issues.push(e.into_issue());
        }
    }

    fn charge(&mut self, obj: &Map<String, Value>, pix: bool) {
        self.object(obj, if pix { PIX_CHARGE } else { CHARGE }, "");
        let currency = self.currency(
            obj,
            if pix {
                &PIX_CURRENCIES
            } else {
                &CHARGE_CURRENCIES
            },
        );
        self.amount(
            obj,
            if pix { "amount" } else { "installment_value" },
            currency,
        );
        let due = self.due_date(obj);
        let address = match obj.get("payer_address") {
            Some(Value::Object(a)) => Some(a),
            _ => None,
        };
        let country = Self::country(address, currency);
        self.tax_id(obj, country.as_deref());
        self.address_rules(obj, country.as_deref());
        if pix {
            return;
        }
        let type_charge = Self::text_of(obj, "type_charge").filter(|t| TYPE_CHARGES.contains(t));
        let is_card = matches!(type_charge, Some("credit_card" | "debit_card"));
        let subscription = match obj.get("subscription") {
            Some(Value::Object(s)) => Some(s.clone()),
            _ => None,
        };
        // Installment count: 1–12 for credit cards, exactly 1 otherwise and for subscriptions.
        if let Some(count) = obj.get("installment_count").and_then(Value::as_i64) {
            let max = if type_charge == Some("credit_card") || type_charge.is_none() {
                12
            } else {
                1
            };
            let max = if subscription.is_some() { 1 } else { max };
            if !(1..=max).contains(&count) {
                let why = if subscription.is_some() {
                    "a subscription's charge has exactly 1 installment".to_string()
                } else if max == 1 {
                    format!(
                        "{} charges have exactly 1 installment",
                        type_charge.unwrap_or("these")
                    )
                } else {
                    "installment_count must be between 1 and 12 for credit cards".to_string()
                };
                self.push(IssueCode::InvalidInstallmentCount, "installment_count", why);
            }
        }
        if let Some(sub) = &subscription {
            if type_charge.is_some() && !is_card {
                self.push(
                    IssueCode::InvalidSubscription,
                    "subscription",
                    "a subscription needs type_charge credit_card or debit_card",
                );
            }
            let end = Self::text_of(sub, "end_date").and_then(|e| parse_date(e, "end_date").ok());
            if let (Some(end), Some(due)) = (end, due)
                && end < due
            {
                self.push(
                    IssueCode::InvalidSubscription,
                    "subscription.end_date",
                    format!("subscription.end_date {end} is before due_date {due}"),
                );
            }
        }
        self.card(obj);
    }

    fn card(&mut self, obj: &Map<String, Value>) {
        let present: Vec<&str> = H2H_FIELDS
            .iter()
            .copied()
            .filter(|k| !matches!(obj.get(*k), None | Some(Value::Null)))
            .collect();
        if present.is_empty() {
            return;
        }
        for missing in H2H_FIELDS.iter().filter(|k| !present.contains(k)) {
            self.push(
                IssueCode::RequiredField,
                missing,
                format!(
                    "{missing} is required when card fields are sent: send all five of {} or none",
                    H2H_FIELDS.join(", ")
                ),
            );
        }
        let brand = Self::text_of(obj, "card_number")
            .and_then(card_digits)
            .map(|d| card_brand(&d));
        if let Some(cvv) = Self::text_of(obj, "card_cvv") {
            let want = if brand == Some(CardBrand::Amex) { 4 } else { 3 };
            if cvv.len() != want || !cvv.bytes().all(|b| b.is_ascii_digit()) {
                self.push(
                    IssueCode::InvalidCvc,
                    "card_cvv",
                    format!("card_cvv must be {want} digits for this card"),
                );
            }
        }
        let month = Self::text_of(obj, "card_expiry_month").and_then(parse_month);
        let year = Self::text_of(obj, "card_expiry_year").and_then(parse_year);
        if let (Some(m), Some(y)) = (month, year) {
            use chrono::Datelike;
            let now = (self.today.year(), self.today.month());
            if (y, m) < now {
                self.push(
                    IssueCode::ExpiredCard,
                    "card_expiry_year",
                    format!("the card expired at the end of {y:04}-{m:02}"),
                );
            }
        }
        let threeds = obj.get("threeds_authentication") == Some(&Value::Bool(true));
        if threeds {
            match obj.get("device_info") {
                Some(Value::Object(info)) => {
                    for key in ["ip_address", "user_agent"] {
                        if Self::text_of(info, key).is_none() {
                            let path = format!("device_info.{key}");
                            self.push(
                                IssueCode::MissingDeviceInfo,
                                &path,
                                format!("{path} is required for 3DS with card fields"),
                            );
                        }
                    }
                }
                None | Some(Value::Null) => self.push(
                    IssueCode::MissingDeviceInfo,
                    "device_info",
                    "threeds_authentication with card fields needs device_info with ip_address and user_agent",
                ),
                Some(_) => {}
            }
        }
    }

    fn checkout(&mut self, obj: &Map<String, Value>) {
        self.object(obj, CHECKOUT, "");
        let currency = self.currency(obj, &CHARGE_CURRENCIES);
        self.amount(obj, "amount", currency);
        self.due_date(obj);
        if let Some(n) = obj.get("max_installments").and_then(Value::as_i64)
            && !(1..=12).contains(&n)
        {
            self.push(
                IssueCode::InvalidInstallmentCount,
                "max_installments",
                "max_installments must be between 1 and 12",
            );
        }
    }

    fn wallet(&mut self, obj: &Map<String, Value>) {
        self.object(obj, WALLET, "");
        self.currency(obj, &WALLET_CURRENCIES);
    }

    fn refund_or_capture(&mut self, obj: &Map<String, Value>, kind: RequestKind) {
        self.object(
            obj,
            if kind == RequestKind::Refund {
                REFUND
            } else {
                CAPTURE
            },
            "",
        );
        // A55 stores two decimals; the charge's currency is not part of this request, so amounts are
        // normalized to two decimals (the server truncates zero-decimal currencies itself).
        self.amount(obj, "amount", Some(Currency::Brl));
    }
}

fn parse_month(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|m| (1..=12).contains(m))
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|y| *y >= 1900)
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
            ["wallet_uuid", "amount", "charge_uuid", "zzz"],
            "order kept"
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
