//! Error bodies: the charge-level `{charge_uuid, status, message[]}`, seed 004's wallet
//! `{error, message, code}` and the token errors; the common not-found and forbidden answers; and the
//! answer to a payload that fails the SDK core's validation.

use a55_core::validate::{RequestKind, prepare};
use a55_core::{Issue, IssueCode};
use axum::http::StatusCode;
use serde_json::{Value, json};

use super::Reply;
use crate::server::Shared;

/// One entry of a charge-level `message` array.
#[derive(Debug, Clone)]
pub struct Msg {
    code: String,
    source: String,
    description: String,
    field: Option<String>,
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

    pub(super) fn to_json(&self) -> Value {
        json!({"code": self.code, "source": self.source, "description": self.description, "field": self.field})
    }
}

/// `{charge_uuid, status: "error", message: [...]}`.
pub fn charge_error_body(charge_uuid: Option<&str>, messages: &[Msg]) -> Value {
    json!({
        "charge_uuid": charge_uuid,
        "status": "error",
        "message": messages.iter().map(Msg::to_json).collect::<Vec<_>>(),
    })
}

/// Which error body an endpoint answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Seed 004's `{error, message, code}`.
    Wallet,
    /// The charge-level `{charge_uuid, status, message[]}`.
    Charge,
}

pub(super) fn error(shape: Shape, status: StatusCode, msgs: &[Msg]) -> Reply {
    match shape {
        Shape::Charge => (status, charge_error_body(None, msgs)),
        Shape::Wallet => {
            let error = match status {
                StatusCode::NOT_FOUND => "not_found",
                StatusCode::CONFLICT => "conflict",
                _ => "validation_error",
            };
            let first = msgs.first();
            (
                status,
                json!({
                    "error": error,
                    "message": msgs.iter().map(|m| m.description.clone()).collect::<Vec<_>>().join("; "),
                    "code": first.map(|m| m.code.clone()),
                    "details": msgs.iter().map(|m| json!({"field": m.field, "reason": m.description, "code": m.code})).collect::<Vec<_>>(),
                }),
            )
        }
    }
}

pub(super) fn auth_error(status: StatusCode, message: &str) -> Reply {
    let code = if status == StatusCode::FORBIDDEN {
        "forbidden"
    } else {
        "unauthorized"
    };
    (
        status,
        json!({"error": code, "message": message, "code": code}),
    )
}

/// The answer to a payload that failed validation: 400 for unreadable bodies, missing fields, wrong
/// types and a bad subscription cycle (seed 003); 422 for the other rules.
pub(super) fn validation_reply(shape: Shape, issues: &[Issue]) -> Option<Reply> {
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

/// Validates with the SDK's core against the emulator's today: the normalized payload, or the answer.
pub(super) fn validated(
    app: &Shared,
    kind: RequestKind,
    shape: Shape,
    body: &Value,
) -> Result<Value, Reply> {
    let prepared = prepare(kind, body, Some(app.clock.today()));
    match validation_reply(shape, &prepared.issues) {
        Some(r) => Err(r),
        None => Ok(prepared.payload),
    }
}

pub(super) fn forbidden() -> Reply {
    auth_error(
        StatusCode::FORBIDDEN,
        "these credentials may not act on this wallet",
    )
}

pub(super) fn wallet_not_found(shape: Shape) -> Reply {
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

pub(super) fn charge_not_found() -> Reply {
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
