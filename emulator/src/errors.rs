//! Every error body the emulator answers with, built in one place ([`ErrorBody`]), each shape a
//! typed struct whose JSON schema is the one the OpenAPI document gives for it:
//!
//! - [`ChargeError`]: the charge-level `{charge_uuid, status: "error", message: [{code, source,
//!   description, field}]}` of the charge, PIX, checkout, payment link, refund, cancel, capture and
//!   public endpoints, and of every 5xx (`errors.unexpected`);
//! - [`WalletError`]: seed 004's `{error, message, code}` (with `details`) of the wallet endpoints;
//! - [`AuthError`]: the 401 and 403 `{error: "unauthorized"|"forbidden", message, code}`;
//! - [`PlainError`]: `{"error": "…"}`, A55's subscription answers (`Subscription not found`), the
//!   OAuth2 token endpoint's errors (`invalid_client`, …) and the control endpoints';
//! - [`RateLimitError`]: the 429 `{"error": {code, message, details}, "request_id"}`.
//!
//! Also here: the answer to a payload that fails the SDK core's validation, and the common
//! not-found and forbidden answers.

use std::borrow::Cow;

use a55_core::validate::{RequestKind, prepare_borrowed};
use a55_core::{Issue, IssueCode};
use axum::http::StatusCode;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::app::Shared;
use crate::json::Reply;

/// One entry of a charge-level `message` array.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Msg {
    /// A55's code (`INVALID_TAX_ID`, `CARD_DECLINED`, `errors.charge.not_found`, …).
    pub code: String,
    /// Where it came from (`validation`, `acquirer`, `charge`, `wallet`, `idempotency`, `server`, …).
    pub source: String,
    /// The explanation.
    pub description: String,
    /// The field it is about, when there is one.
    pub field: Option<String>,
}

impl Msg {
    /// A message.
    pub fn new(code: &str, source: &str, description: &str, field: Option<&str>) -> Msg {
        Msg {
            code: code.into(),
            source: source.into(),
            description: description.into(),
            field: field.map(str::to_string),
        }
    }
}

/// The word `error`, the only `status` an error body has.
#[derive(Debug, Clone, Copy, Default, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorStatus {
    /// `"error"`.
    #[default]
    Error,
}

/// The charge-level error body.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChargeError {
    /// The charge, when the error is about one that exists; else null.
    pub charge_uuid: Option<String>,
    /// Always `error`.
    pub status: ErrorStatus,
    /// Every problem found.
    pub message: Vec<Msg>,
}

/// One problem of a [`WalletError`].
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WalletErrorDetail {
    /// The field, when there is one.
    pub field: Option<String>,
    /// The explanation.
    pub reason: String,
    /// The problem's code.
    pub code: String,
}

/// Seed 004's wallet error body.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WalletError {
    /// `validation_error`, `not_found` or `conflict`.
    pub error: String,
    /// Every problem's explanation, joined by `; `.
    pub message: String,
    /// The first problem's code.
    pub code: Option<String>,
    /// Every problem.
    pub details: Vec<WalletErrorDetail>,
}

/// The 401 and 403 body.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AuthError {
    /// `unauthorized` (401) or `forbidden` (403).
    pub error: String,
    /// The explanation.
    pub message: String,
    /// The same word as `error`.
    pub code: String,
}

/// `{"error": "…"}`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PlainError {
    /// What went wrong.
    pub error: String,
}

/// One problem of a [`RateLimitDetail`].
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RateLimitReason {
    /// Always `rate_limit`.
    pub field: String,
    /// Why.
    pub reason: String,
}

/// The `error` object of a 429.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RateLimitDetail {
    /// Always `RATE_LIMIT_EXCEEDED`.
    pub code: String,
    /// When to retry, in words.
    pub message: String,
    /// The limit that was hit.
    pub details: Vec<RateLimitReason>,
}

/// The 429 body: A55's envelope, with its message also at the top level, where a browser SDK
/// reads it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RateLimitError {
    /// What was exceeded.
    pub error: RateLimitDetail,
    /// The same message as `error.message`.
    pub message: String,
    /// The request's id (also in `X-Request-Id`).
    pub request_id: String,
}

/// Which error body an endpoint answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Seed 004's `{error, message, code}`.
    Wallet,
    /// The charge-level `{charge_uuid, status, message[]}`.
    Charge,
}

/// An error body, in one of the contract's shapes: the one way the emulator writes one.
#[derive(Debug, Clone)]
pub enum ErrorBody<'a> {
    /// Charge-level, or wallet-level, by the endpoint's [`Shape`].
    Messages(Shape, &'a [Msg]),
    /// Charge-level about a charge that exists (its id in `charge_uuid`).
    Charge(&'a str, &'a [Msg]),
    /// 401/403.
    Auth(&'a str),
    /// `{"error": "…"}`.
    Plain(&'a str),
    /// 429, with the seconds to wait and the request id.
    RateLimited(i64, &'a str),
    /// The charge-level 5xx, `errors.unexpected`.
    Unexpected(&'a str),
}

fn to_json<T: Serialize>(body: &T) -> Value {
    serde_json::to_value(body).unwrap_or(Value::Null)
}

impl ErrorBody<'_> {
    /// The body's JSON for a status.
    pub fn json(&self, status: StatusCode) -> Value {
        match *self {
            ErrorBody::Messages(Shape::Charge, msgs) => to_json(&ChargeError {
                charge_uuid: None,
                status: ErrorStatus::Error,
                message: msgs.to_vec(),
            }),
            ErrorBody::Charge(charge_uuid, msgs) => to_json(&ChargeError {
                charge_uuid: Some(charge_uuid.to_string()),
                status: ErrorStatus::Error,
                message: msgs.to_vec(),
            }),
            ErrorBody::Messages(Shape::Wallet, msgs) => to_json(&WalletError {
                error: match status {
                    StatusCode::NOT_FOUND => "not_found",
                    StatusCode::CONFLICT => "conflict",
                    _ => "validation_error",
                }
                .into(),
                message: msgs
                    .iter()
                    .map(|m| m.description.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                code: msgs.first().map(|m| m.code.clone()),
                details: msgs
                    .iter()
                    .map(|m| WalletErrorDetail {
                        field: m.field.clone(),
                        reason: m.description.clone(),
                        code: m.code.clone(),
                    })
                    .collect(),
            }),
            ErrorBody::Auth(message) => {
                let code = if status == StatusCode::FORBIDDEN {
                    "forbidden"
                } else {
                    "unauthorized"
                };
                to_json(&AuthError {
                    error: code.into(),
                    message: message.into(),
                    code: code.into(),
                })
            }
            ErrorBody::Plain(error) => to_json(&PlainError {
                error: error.into(),
            }),
            ErrorBody::RateLimited(retry_after, request_id) => {
                let message = format!("Too many requests. Retry after {retry_after} seconds.");
                to_json(&RateLimitError {
                    error: RateLimitDetail {
                        code: "RATE_LIMIT_EXCEEDED".into(),
                        message: message.clone(),
                        details: vec![RateLimitReason {
                            field: "rate_limit".into(),
                            reason: "requests per minute exceeded".into(),
                        }],
                    },
                    message,
                    request_id: request_id.into(),
                })
            }
            ErrorBody::Unexpected(description) => ErrorBody::Messages(
                Shape::Charge,
                &[Msg::new("errors.unexpected", "server", description, None)],
            )
            .json(status),
        }
    }

    /// The status and the body.
    pub fn reply(&self, status: StatusCode) -> Reply {
        (status, self.json(status))
    }
}

/// An error answer in an endpoint's shape.
pub fn error(shape: Shape, status: StatusCode, msgs: &[Msg]) -> Reply {
    ErrorBody::Messages(shape, msgs).reply(status)
}

/// A charge-level error about a charge that exists.
pub fn charge_error(charge_uuid: &str, status: StatusCode, msgs: &[Msg]) -> Reply {
    ErrorBody::Charge(charge_uuid, msgs).reply(status)
}

/// A 401 or 403.
pub fn auth_error(status: StatusCode, message: &str) -> Reply {
    ErrorBody::Auth(message).reply(status)
}

/// `{"error": "…"}` with a status.
pub fn plain(status: StatusCode, error: &str) -> Reply {
    ErrorBody::Plain(error).reply(status)
}

/// The answer to a payload that failed validation: 400 for unreadable bodies, missing fields, wrong
/// types and a bad subscription cycle (seed 003); 422 for the other rules.
pub fn validation_reply(shape: Shape, issues: &[Issue]) -> Option<Reply> {
    let errors: Vec<_> = issues.iter().filter(|i| i.is_error()).collect();
    if errors.is_empty() {
        return None;
    }
    let bad_request = errors.iter().any(|i| {
        matches!(
            i.code,
            IssueCode::RequiredField | IssueCode::InvalidType | IssueCode::InvalidSubscriptionCycle
        )
    });
    let msgs: Vec<Msg> = errors
        .iter()
        .map(|i| {
            let source = if i.code == IssueCode::InvalidSubscriptionCycle {
                "subscription"
            } else {
                "validation"
            };
            Msg::new(i.code.as_str(), source, &i.description, Some(&i.field))
        })
        .collect();
    let status = if bad_request {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Some(error(shape, status, &msgs))
}

/// Validates with the SDK's core against the emulator's today: the normalized payload (the body
/// itself when no normalization applies: it is not copied), or the answer.
pub fn validated<'a>(
    app: &Shared,
    kind: RequestKind,
    shape: Shape,
    body: &'a Value,
) -> Result<Cow<'a, Value>, Reply> {
    let (payload, issues) = prepare_borrowed(kind, body, Some(app.clock.today()));
    match validation_reply(shape, &issues) {
        Some(r) => Err(r),
        None => Ok(payload),
    }
}

/// 403: the caller's credentials may not act on the wallet.
pub fn forbidden() -> Reply {
    auth_error(
        StatusCode::FORBIDDEN,
        "these credentials may not act on this wallet",
    )
}

/// 404 for an unknown wallet, in the endpoint's shape.
pub fn wallet_not_found(shape: Shape) -> Reply {
    error(
        shape,
        StatusCode::NOT_FOUND,
        &[Msg::new(
            "errors.wallet.not_found",
            "wallet",
            "wallet not found",
            Some("wallet_uuid"),
        )],
    )
}

/// 404 for an unknown charge.
pub fn charge_not_found() -> Reply {
    error(
        Shape::Charge,
        StatusCode::NOT_FOUND,
        &[Msg::new(
            "errors.charge.not_found",
            "charge",
            "charge not found",
            Some("charge_uuid"),
        )],
    )
}
