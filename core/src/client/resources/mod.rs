//! The API's resources, one file each: wallets, charges (create, read, list, refund, cancel,
//! capture, wait), subscriptions, checkout sessions and payment links, and the public charge
//! endpoints. This file holds what they share: references that name their identifiers, query
//! strings and the identifier checks.

mod charges;
mod checkout;
mod pager;
mod public;
mod subscriptions;
mod wallets;

use std::borrow::Cow;

use reqwest::Method;
use serde_json::{Map, Value};

use crate::codes::{Issue, IssueCode};
use crate::error::Error;
use crate::formats::is_uuid;
use crate::models::Model;
use crate::validate::RequestKind;

use super::{Call, Client, RequestOptions, Response};

pub use charges::{DEFAULT_MAX_WAIT, ListChargesParams};
pub use pager::ChargePager;
pub use wallets::WalletQuery;

/// A charge of a wallet. Both identifiers are named, so they cannot be swapped silently:
///
/// ```compile_fail
/// # async fn f(client: &a55_core::client::Client) {
/// let opts = a55_core::client::RequestOptions::default();
/// // Two bare strings do not compile: the ids must be named.
/// client.get_charge("charge-id", "wallet-id", &opts).await;
/// # }
/// ```
///
/// ```no_run
/// # async fn f(client: &a55_core::client::Client) -> Result<(), a55_core::Error> {
/// use a55_core::client::{ChargeRef, RequestOptions};
/// let charge = ChargeRef {
///     charge_uuid: "5b3f1a8e-0000-4000-8000-000000000001".into(),
///     wallet_uuid: "f47ac10b-58cc-4372-a567-0e02b2c3d479".into(),
/// };
/// let current = client.get_charge(&charge, &RequestOptions::default()).await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ChargeRef {
    /// The charge's id.
    pub charge_uuid: String,
    /// The wallet it belongs to.
    pub wallet_uuid: String,
}

/// A subscription of a wallet, both identifiers named (see [`ChargeRef`]).
///
/// ```compile_fail
/// # async fn f(client: &a55_core::client::Client) {
/// let opts = a55_core::client::RequestOptions::default();
/// client.get_subscription("wallet-id", "subscription-id", &opts).await;
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SubscriptionRef {
    /// The subscription's id.
    pub subscription_uuid: String,
    /// The wallet it belongs to.
    pub wallet_uuid: String,
}

impl ChargeRef {
    pub(crate) fn check(&self) -> Result<(), Error> {
        check_uuids(&[
            ("charge_uuid", &self.charge_uuid),
            ("wallet_uuid", &self.wallet_uuid),
        ])
    }

    /// What a derived idempotency key is scoped to.
    pub(crate) fn resource(&self) -> String {
        format!("{}/{}", self.wallet_uuid, self.charge_uuid)
    }
}

impl SubscriptionRef {
    pub(crate) fn check(&self) -> Result<(), Error> {
        check_uuids(&[
            ("subscription_uuid", &self.subscription_uuid),
            ("wallet_uuid", &self.wallet_uuid),
        ])
    }
}

/// `?k=v&…` for the pairs that have a value, encoded as `application/x-www-form-urlencoded`.
pub(crate) fn query(pairs: &[(&str, Option<&str>)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (k, v) in pairs {
        if let Some(v) = v {
            out.append_pair(k, v);
            any = true;
        }
    }
    if any {
        format!("?{}", out.finish())
    } else {
        String::new()
    }
}

/// Checks identifiers that go into a path or query: every bad one is reported.
pub(crate) fn check_uuids(ids: &[(&str, &str)]) -> Result<(), Error> {
    let issues: Vec<Issue> = ids
        .iter()
        .filter(|(_, v)| !is_uuid(v))
        .map(|(field, v)| {
            if v.is_empty() {
                Issue::new(
                    IssueCode::RequiredField,
                    *field,
                    format!("{field} is required"),
                )
            } else {
                Issue::new(
                    IssueCode::InvalidUuid,
                    *field,
                    format!("{field} must be a UUID (8-4-4-4-12 hex digits)"),
                )
            }
        })
        .collect();
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(issues))
    }
}

/// A payload that must be a JSON object (refund, capture, cancel): anything else is refused before
/// validation can be skipped, since reading it as `{}` would act on the whole charge.
pub(crate) fn object_payload(
    kind: RequestKind,
    payload: &Value,
) -> Result<Map<String, Value>, Error> {
    match payload {
        Value::Object(m) => Ok(m.clone()),
        other => Err(Error::validation(vec![Issue::new(
            IssueCode::InvalidType,
            "",
            format!(
                "the {kind} request body must be a JSON object, not {}",
                match other {
                    Value::Null => "null",
                    Value::Bool(_) => "a boolean",
                    Value::Number(_) => "a number",
                    Value::String(_) => "a string",
                    Value::Array(_) => "an array",
                    Value::Object(_) => "an object",
                }
            ),
        )])),
    }
}

impl Client {
    pub(crate) async fn post_validated<T: Model>(
        &self,
        path: String,
        kind: RequestKind,
        operation: &'static str,
        resource: Option<String>,
        payload: &Value,
        opts: &RequestOptions,
    ) -> Result<Response<T>, Error> {
        let (body, warnings) = self.validated(kind, payload, opts)?;
        self.send(
            Call {
                method: Method::POST,
                path,
                body: Some(body),
                auth: true,
                operation,
                resource,
                opts,
            },
            warnings,
        )
        .await
    }

    pub(crate) async fn post_owned<T: Model>(
        &self,
        path: String,
        operation: &'static str,
        resource: Option<String>,
        body: Value,
        warnings: Vec<Issue>,
        opts: &RequestOptions,
    ) -> Result<Response<T>, Error> {
        self.send(
            Call {
                method: Method::POST,
                path,
                body: Some(Cow::Owned(body)),
                auth: true,
                operation,
                resource,
                opts,
            },
            warnings,
        )
        .await
    }

    pub(crate) async fn get_json<T: Model>(
        &self,
        path: String,
        auth: bool,
        opts: &RequestOptions,
    ) -> Result<Response<T>, Error> {
        self.send(
            Call {
                method: Method::GET,
                path,
                body: None,
                auth,
                operation: "get",
                resource: None,
                opts,
            },
            Vec::new(),
        )
        .await
    }
}
