//! Calls named by their method, with the arguments as one JSON object: the entry point of the
//! packages whose values arrive as JSON (Node's objects, Kotlin's and Swift's records).
//!
//! `Facade::call(Operation::GetCharge, args, payload, opts, max_wait)` reads the identifiers the
//! method needs from `args` by name (`charge_uuid`, `wallet_uuid`, `subscription_uuid`, the list
//! filters), refuses a name the method does not take, and answers the typed model written in the
//! host shape (`crate::models` writes amounts as decimal text, dates as
//! `YYYY-MM-DD`, statuses as their wire text) and the call's metadata. Every package reads the same
//! names with the same errors, so a missing or misspelt identifier is the same `REQUIRED_FIELD` or
//! `INVALID_VALUE` issue in every language, and nothing is sent.

use std::borrow::Cow;
use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::codes::{Issue, IssueCode};
use crate::error::{Error, ErrorKind};

use super::facade::{Facade, Operation, Pending};
use super::{ChargeRef, ListChargesParams, RequestOptions, Response, SubscriptionRef, WalletQuery};

/// A result as one JSON text, `{"data": …, "meta": {…}}`: the data in the host shape, the
/// metadata's names in snake case (`request_id`, `raw_json`, `rate_limit.reset`…); the packages
/// rename them to their language's case. Written in one pass, straight from the typed values.
pub fn host_text<D: Serialize>(r: &Response<D>) -> Result<String, Error> {
    let raw = r.meta.raw.text();
    write_answer(r, Some(&raw))
}

/// [`host_text`] in two parts: the answer without `meta.raw_json`, and the raw JSON text apart, as
/// received. For a package that reads the raw text only when asked (Kotlin's), so the text is never
/// escaped into the answer and unescaped out of it.
pub fn host_text_parts<D: Serialize>(r: &Response<D>) -> Result<(String, Cow<'_, str>), Error> {
    Ok((write_answer(r, None)?, r.meta.raw.text()))
}

fn write_answer<D: Serialize>(r: &Response<D>, raw_json: Option<&str>) -> Result<String, Error> {
    let m = &r.meta;
    let answer = HostAnswer {
        data: &r.data,
        meta: HostMeta {
            status: m.status,
            request_id: m.request_id.as_deref(),
            idempotency_key: m.idempotency_key.as_deref(),
            replayed: m.replayed,
            attempts: m.attempts,
            rate_limit: HostRateLimit {
                limit: m.rate_limit.limit,
                remaining: m.rate_limit.remaining,
                reset: m.rate_limit.reset,
            },
            warnings: &m.warnings,
            raw_json,
        },
    };
    serde_json::to_string(&answer).map_err(unwritable)
}

/// The shape [`host_text`] writes.
#[derive(Serialize)]
struct HostAnswer<'a, D> {
    data: &'a D,
    meta: HostMeta<'a>,
}

#[derive(Serialize)]
struct HostMeta<'a> {
    status: u16,
    request_id: Option<&'a str>,
    idempotency_key: Option<&'a str>,
    replayed: bool,
    attempts: u32,
    rate_limit: HostRateLimit,
    warnings: &'a [Issue],
    #[serde(skip_serializing_if = "Option::is_none")]
    raw_json: Option<&'a str>,
}

#[derive(Serialize)]
struct HostRateLimit {
    limit: Option<u64>,
    remaining: Option<u64>,
    reset: Option<i64>,
}

/// How a package takes a call's data: as a JSON tree ([`Value`], for a package that walks it into
/// its own objects, as Python's does) or as JSON text ([`HostText`], for a package that hands the
/// answer to its language as text: Node, Kotlin, Swift), written without a tree in between.
pub trait HostData: Serialize + Send + Sized + 'static {
    /// `model` in the host shape.
    fn write<T: Serialize>(model: &T) -> Result<Self, Error>;
}

impl HostData for Value {
    fn write<T: Serialize>(model: &T) -> Result<Value, Error> {
        host_value(model)
    }
}

/// A model written as JSON text in the host shape.
pub type HostText = Box<serde_json::value::RawValue>;

impl HostData for HostText {
    fn write<T: Serialize>(model: &T) -> Result<HostText, Error> {
        serde_json::value::to_raw_value(model).map_err(unwritable)
    }
}

/// A model written in the host shape.
pub fn host_value<T: Serialize>(model: &T) -> Result<Value, Error> {
    serde_json::to_value(model).map_err(unwritable)
}

/// A model written in the host shape, as JSON text.
pub fn host_value_text<T: Serialize>(model: &T) -> Result<String, Error> {
    serde_json::to_string(model).map_err(unwritable)
}

fn unwritable(e: serde_json::Error) -> Error {
    Error::new(
        ErrorKind::Decode,
        format!("the result could not be written for the host language: {e}"),
    )
}

/// The arguments a method reads from `args`, besides its payload.
fn arg_names(op: Operation) -> &'static [&'static str] {
    match op {
        Operation::GetWallet => &["wallet_uuid", "email", "customer_id", "currency"],
        Operation::GetCharge
        | Operation::RefundCharge
        | Operation::CaptureCharge
        | Operation::WaitForCharge => &["charge_uuid", "wallet_uuid"],
        Operation::CancelCharge => &["charge_uuid", "wallet_uuid", "reason"],
        Operation::ListCharges | Operation::ListAllCharges => &[
            "wallet_uuid",
            "page",
            "limit",
            "status",
            "date_start",
            "date_end",
        ],
        Operation::GetSubscription | Operation::CancelSubscription => {
            &["subscription_uuid", "wallet_uuid"]
        }
        Operation::GetPublicCharge | Operation::PayPublicCharge => &["charge_uuid"],
        Operation::CreateWallet
        | Operation::CreateCharge
        | Operation::CreatePixCharge
        | Operation::CreateSubscription
        | Operation::CreateCheckout
        | Operation::CreatePaymentLink => &[],
    }
}

/// Whether the method takes a payload (a JSON object).
pub fn takes_payload(op: Operation) -> bool {
    matches!(
        op,
        Operation::CreateWallet
            | Operation::CreateCharge
            | Operation::CreatePixCharge
            | Operation::CreateSubscription
            | Operation::CreateCheckout
            | Operation::CreatePaymentLink
            | Operation::RefundCharge
            | Operation::CaptureCharge
            | Operation::PayPublicCharge
    )
}

/// The arguments of one call, read and checked.
struct Args<'a> {
    op: Operation,
    map: &'a Map<String, Value>,
    issues: Vec<Issue>,
}

impl<'a> Args<'a> {
    fn read(op: Operation, args: &'a Value) -> Result<Args<'a>, Error> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let map = match args {
            Value::Object(m) => m,
            Value::Null => EMPTY.get_or_init(Map::new),
            _ => {
                return Err(Error::validation(vec![Issue::new(
                    IssueCode::InvalidType,
                    "args",
                    format!("the arguments of {} must be an object", op.name()),
                )]));
            }
        };
        let allowed = arg_names(op);
        let issues = map
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .map(|k| {
                Issue::new(
                    IssueCode::InvalidValue,
                    k.as_str(),
                    format!("{} does not take {k}", op.name()),
                )
            })
            .collect();
        Ok(Args { op, map, issues })
    }

    /// An optional text argument (`null` reads as absent).
    fn text(&mut self, name: &str) -> Option<String> {
        match self.map.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.issues.push(Issue::new(
                    IssueCode::InvalidType,
                    name,
                    format!("{name} must be a string"),
                ));
                None
            }
        }
    }

    /// A required text argument.
    fn required(&mut self, name: &str) -> String {
        let value = self.text(name);
        if value.is_none() && !self.issues.iter().any(|i| i.field == name) {
            self.issues.push(Issue::new(
                IssueCode::RequiredField,
                name,
                format!("{} needs {name}", self.op.name()),
            ));
        }
        value.unwrap_or_default()
    }

    /// An optional whole number from 1 to `u32::MAX`.
    fn count(&mut self, name: &str) -> Option<u32> {
        match self.map.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64().and_then(|v| u32::try_from(v).ok()) {
                Some(v) if v > 0 => Some(v),
                _ => {
                    self.issues.push(Issue::new(
                        IssueCode::InvalidValue,
                        name,
                        format!("{name} must be a whole number above 0"),
                    ));
                    None
                }
            },
            Some(_) => {
                self.issues.push(Issue::new(
                    IssueCode::InvalidType,
                    name,
                    format!("{name} must be a number"),
                ));
                None
            }
        }
    }

    fn charge(&mut self) -> ChargeRef {
        ChargeRef {
            charge_uuid: self.required("charge_uuid"),
            wallet_uuid: self.required("wallet_uuid"),
        }
    }

    fn list(&mut self) -> ListChargesParams {
        ListChargesParams {
            wallet_uuid: self.required("wallet_uuid"),
            page: self.count("page"),
            limit: self.count("limit"),
            status: self.text("status"),
            date_start: self.text("date_start"),
            date_end: self.text("date_end"),
        }
    }

    fn done(self) -> Result<(), Error> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(Error::validation(self.issues))
        }
    }
}

/// A payload checked to be given when the method takes one, and absent otherwise.
fn payload_for(op: Operation, payload: Option<Value>) -> Result<Value, Error> {
    match (takes_payload(op), payload) {
        (true, Some(p)) => Ok(p),
        // Refund and capture bodies are optional (a full refund, a full capture).
        (true, None) if matches!(op, Operation::RefundCharge | Operation::CaptureCharge) => {
            Ok(Value::Object(Map::new()))
        }
        (true, None) => Err(Error::validation(vec![Issue::new(
            IssueCode::RequiredField,
            "payload",
            format!("{} needs a payload", op.name()),
        )])),
        (false, None) => Ok(Value::Null),
        (false, Some(_)) => Err(Error::validation(vec![Issue::new(
            IssueCode::InvalidValue,
            "payload",
            format!("{} does not take a payload", op.name()),
        )])),
    }
}

fn failed<D: HostData>(e: Error) -> Pending<D> {
    Pending::failed(e)
}

impl Facade {
    /// Starts `op` with its identifiers read from `args` (a JSON object, or `null` for none), its
    /// payload (for the methods that take one), the per-call options, and for
    /// [`Operation::WaitForCharge`] the longest wait (default [`super::DEFAULT_MAX_WAIT`]); its data
    /// comes as `D`, a tree or text ([`HostData`]).
    ///
    /// [`Operation::ListAllCharges`] is not a single call: use [`Facade::list_all_charges`].
    pub fn call<D: HostData>(
        &self,
        op: Operation,
        args: &Value,
        payload: Option<Value>,
        opts: RequestOptions,
        max_wait: Option<Duration>,
    ) -> Pending<D> {
        let mut a = match Args::read(op, args) {
            Ok(a) => a,
            Err(e) => return failed(e),
        };
        if max_wait.is_some() && op != Operation::WaitForCharge {
            a.issues.push(Issue::new(
                IssueCode::InvalidValue,
                "max_wait",
                format!("{} does not take max_wait", op.name()),
            ));
        }
        let payload = match payload_for(op, payload) {
            Ok(p) => p,
            Err(e) => return failed(e),
        };
        macro_rules! go {
            ($call:expr) => {{
                if let Err(e) = a.done() {
                    return failed(e);
                }
                $call.map_data(|d| D::write(&d))
            }};
        }
        match op {
            Operation::CreateWallet => go!(self.create_wallet(payload, opts)),
            Operation::CreateCharge => go!(self.create_charge(payload, opts)),
            Operation::CreatePixCharge => go!(self.create_pix_charge(payload, opts)),
            Operation::CreateSubscription => go!(self.create_subscription(payload, opts)),
            Operation::CreateCheckout => go!(self.create_checkout(payload, opts)),
            Operation::CreatePaymentLink => go!(self.create_payment_link(payload, opts)),
            Operation::GetWallet => {
                let q = WalletQuery {
                    wallet_uuid: a.text("wallet_uuid"),
                    email: a.text("email"),
                    customer_id: a.text("customer_id"),
                    currency: a.text("currency"),
                };
                go!(self.get_wallet(q, opts))
            }
            Operation::GetCharge => {
                let c = a.charge();
                go!(self.get_charge(c, opts))
            }
            Operation::WaitForCharge => {
                let c = a.charge();
                go!(self.wait_for_charge(c, opts, max_wait))
            }
            Operation::RefundCharge => {
                let c = a.charge();
                go!(self.refund_charge(c, payload, opts))
            }
            Operation::CaptureCharge => {
                let c = a.charge();
                go!(self.capture_charge(c, payload, opts))
            }
            Operation::CancelCharge => {
                let c = a.charge();
                let reason = a.text("reason");
                go!(self.cancel_charge(c, reason, opts))
            }
            Operation::ListCharges => {
                let p = a.list();
                go!(self.list_charges(p, opts))
            }
            Operation::GetSubscription | Operation::CancelSubscription => {
                let s = SubscriptionRef {
                    subscription_uuid: a.required("subscription_uuid"),
                    wallet_uuid: a.required("wallet_uuid"),
                };
                if op == Operation::GetSubscription {
                    go!(self.get_subscription(s, opts))
                } else {
                    go!(self.cancel_subscription(s, opts))
                }
            }
            Operation::GetPublicCharge => {
                let id = a.required("charge_uuid");
                go!(self.get_public_charge(id, opts))
            }
            Operation::PayPublicCharge => {
                let id = a.required("charge_uuid");
                go!(self.pay_public_charge(id, payload, opts))
            }
            Operation::ListAllCharges => failed(Error::new(
                ErrorKind::Configuration,
                "list_all_charges is a pager: use Facade::list_all_charges",
            )),
        }
    }

    /// The pager of [`Operation::ListAllCharges`], its filters read from `args` like
    /// [`Facade::call`]'s (`page` is where it starts).
    pub fn list_all_charges_from(
        &self,
        args: &Value,
        opts: RequestOptions,
    ) -> Result<std::sync::Arc<super::facade::ChargePages>, Error> {
        let mut a = Args::read(Operation::ListAllCharges, args)?;
        let params = a.list();
        a.done()?;
        self.list_all_charges(params, opts)
    }
}

impl std::str::FromStr for Operation {
    type Err = Error;

    /// A method by its snake-case name (`get_charge`) or its camel-case one (`getCharge`).
    fn from_str(name: &str) -> Result<Operation, Error> {
        Operation::ALL
            .iter()
            .copied()
            .find(|op| op.name() == name || op.camel_name() == name)
            .ok_or_else(|| {
                Error::validation(vec![Issue::new(
                    IssueCode::InvalidValue,
                    "operation",
                    format!("{name:?} is not a method of the client"),
                )])
            })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn facade() -> Facade {
        Facade::new(super::super::ClientConfig::for_environment(
            super::super::Environment::Sandbox,
            super::super::Credentials::None,
        ))
        .unwrap()
    }

    fn issues(p: Pending<Value>) -> Vec<(String, String)> {
        let e = crate::client::blocking::block_on(p).unwrap().unwrap_err();
        e.issues
            .iter()
            .map(|i| (i.code.as_str().to_string(), i.field.clone()))
            .collect()
    }

    #[test]
    fn identifiers_are_read_by_name_and_every_mistake_is_named() {
        let f = facade();
        let o = RequestOptions::default;
        let got = issues(f.call(
            Operation::GetCharge,
            &serde_json::json!({"charge_uuid": 5, "walletUuid": "x"}),
            None,
            o(),
            None,
        ));
        assert_eq!(
            got,
            vec![
                ("INVALID_VALUE".into(), "walletUuid".into()),
                ("INVALID_TYPE".into(), "charge_uuid".into()),
                ("REQUIRED_FIELD".into(), "wallet_uuid".into()),
            ]
        );
        let got = issues(f.call(Operation::CreateCharge, &Value::Null, None, o(), None));
        assert_eq!(got, vec![("REQUIRED_FIELD".into(), "payload".into())]);
        let got = issues(f.call(
            Operation::GetCharge,
            &serde_json::json!({}),
            Some(serde_json::json!({})),
            o(),
            None,
        ));
        assert_eq!(got, vec![("INVALID_VALUE".into(), "payload".into())]);
        let got = issues(f.call(
            Operation::GetCharge,
            &serde_json::json!({"charge_uuid": "a", "wallet_uuid": "b"}),
            None,
            o(),
            Some(Duration::from_secs(1)),
        ));
        assert_eq!(got, vec![("INVALID_VALUE".into(), "max_wait".into())]);
    }

    #[test]
    fn list_filters_are_checked() {
        let f = facade();
        let e = f
            .list_all_charges_from(
                &serde_json::json!({"wallet_uuid": "w", "page": 0, "limit": "5"}),
                RequestOptions::default(),
            )
            .unwrap_err();
        let fields: Vec<&str> = e.issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["page", "limit"]);
    }

    #[test]
    fn methods_are_found_by_either_name() {
        for op in Operation::ALL {
            assert_eq!(op.name().parse::<Operation>().unwrap(), op);
            assert_eq!(op.camel_name().parse::<Operation>().unwrap(), op);
        }
        assert!("getcharge".parse::<Operation>().is_err());
    }
}
