//! Charges: create (every `type_charge`, PIX, typed requests), read, list, refund, cancel,
//! capture, and wait until settled.

use std::borrow::Borrow;
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use crate::client::facade::key_names;
use crate::codes::{Issue, IssueCode};
use crate::error::Error;
use crate::models::{ApiRequest, Charge, Model, Page};
use crate::validate::RequestKind;

use super::{ChargePager, ChargeRef, check_uuids, object_payload, query};
use crate::client::{Client, RequestOptions, Response};

/// How long [`Client::wait_for_charge`] waits when no maximum is given.
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(60);

/// The longest pause between two polls of [`Client::wait_for_charge`].
const MAX_POLL: Duration = Duration::from_secs(10);

/// Parameters of [`Client::list_charges`].
#[derive(Debug, Clone, Default)]
pub struct ListChargesParams {
    /// The wallet (required).
    pub wallet_uuid: String,
    /// 1-based page (default 1).
    pub page: Option<u32>,
    /// Page size, 1–100 (default 20).
    pub limit: Option<u32>,
    /// Only charges in this status.
    pub status: Option<String>,
    /// From this date (ISO 8601).
    pub date_start: Option<String>,
    /// Until this date (ISO 8601).
    pub date_end: Option<String>,
}

impl RequestKind {
    /// The path and operation name of a create request of this kind.
    fn endpoint(self) -> (&'static str, &'static str) {
        match self {
            RequestKind::Wallet => ("/api/v1/bank/wallet/", key_names::WALLET_CREATE),
            RequestKind::Charge => ("/api/v1/bank/wallet/charge/", key_names::CHARGE_CREATE),
            RequestKind::PixCharge => (
                "/api/v1/bank/wallet/charge/pix/",
                key_names::PIX_CHARGE_CREATE,
            ),
            RequestKind::Checkout => ("/api/v1/bank/wallet/checkout/", key_names::CHECKOUT_CREATE),
            RequestKind::Capture => (
                "/api/v1/bank/wallet/charge/capture/",
                key_names::CHARGE_CAPTURE,
            ),
            RequestKind::Refund => ("", key_names::CHARGE_REFUND),
            RequestKind::PublicPayment => ("", key_names::CHARGE_PAY),
            RequestKind::PaymentLink => (
                "/api/v1/bank/wallet/payment-link/",
                key_names::PAYMENT_LINK_CREATE,
            ),
        }
    }
}

/// Moves `charge_uuid` and `wallet_uuid` from a typed refund or capture body into a reference.
fn take_ref(body: &mut Map<String, Value>) -> ChargeRef {
    let mut take = |k: &str| match body.remove(k) {
        Some(Value::String(s)) => s,
        _ => String::new(),
    };
    ChargeRef {
        charge_uuid: take("charge_uuid"),
        wallet_uuid: take("wallet_uuid"),
    }
}

impl Client {
    /// Creates a charge of any `type_charge`; a `subscription` object makes it a subscription's first
    /// charge. A declined card is a result with `status: error`, not an error.
    ///
    /// The payload may be given by value or by reference (`&payload`): it is validated in place and
    /// copied only when a normalization (an amount's digits, a card number's spaces) applies.
    pub async fn create_charge(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        let (path, operation) = RequestKind::Charge.endpoint();
        self.post_validated(
            path.into(),
            RequestKind::Charge,
            operation,
            None,
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Creates a PIX charge: the answer carries the BR Code and its QR image.
    pub async fn create_pix_charge(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        let (path, operation) = RequestKind::PixCharge.endpoint();
        self.post_validated(
            path.into(),
            RequestKind::PixCharge,
            operation,
            None,
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Sends a typed request through the same validation as a JSON payload; the answer is the
    /// request kind's own model (a wallet for a [`crate::models::WalletRequest`], …).
    pub async fn create<R: ApiRequest>(
        &self,
        request: &R,
        opts: &RequestOptions,
    ) -> Result<Response<R::Response>, Error> {
        let payload = request.to_payload();
        match R::KIND {
            RequestKind::Refund | RequestKind::Capture => {
                let mut body = object_payload(R::KIND, &payload)?;
                let charge = take_ref(&mut body);
                self.charge_action(R::KIND, &charge, Value::Object(body), opts)
                    .await
            }
            kind => {
                let (path, operation) = kind.endpoint();
                self.post_validated(path.into(), kind, operation, None, &payload, opts)
                    .await
            }
        }
    }

    /// Reads a charge.
    pub async fn get_charge(
        &self,
        charge: &ChargeRef,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        charge.check()?;
        let path = format!(
            "/api/v1/bank/wallet/charge/{}",
            query(&[
                ("charge_uuid", Some(&charge.charge_uuid)),
                ("wallet_uuid", Some(&charge.wallet_uuid))
            ])
        );
        self.get_json(path, true, opts).await
    }

    /// One page of a wallet's charges.
    pub async fn list_charges(
        &self,
        p: &ListChargesParams,
        opts: &RequestOptions,
    ) -> Result<Response<Page<Charge>>, Error> {
        check_uuids(&[("wallet_uuid", &p.wallet_uuid)])?;
        if p.limit.is_some_and(|l| !(1..=100).contains(&l)) || p.page == Some(0) {
            return Err(Error::validation(vec![Issue::new(
                IssueCode::InvalidValue,
                "limit",
                "page starts at 1 and limit is 1 to 100",
            )]));
        }
        let (page, limit) = (
            p.page.map(|v| v.to_string()),
            p.limit.map(|v| v.to_string()),
        );
        let path = format!(
            "/api/v1/bank/wallet/charges/{}",
            query(&[
                ("wallet_uuid", Some(&p.wallet_uuid)),
                ("page", page.as_deref()),
                ("limit", limit.as_deref()),
                ("status", p.status.as_deref()),
                ("date_start", p.date_start.as_deref()),
                ("date_end", p.date_end.as_deref()),
            ])
        );
        self.get_json(path, true, opts).await
    }

    /// Every charge of a wallet, page after page, fetched as you go.
    pub fn charges_pager(&self, params: ListChargesParams, opts: RequestOptions) -> ChargePager {
        ChargePager::new(self.clone(), params, opts)
    }

    /// A refund or a capture: `payload` is an object (`{}` acts on the whole amount), the ids come
    /// from `charge`, and a derived idempotency key is scoped to the charge.
    async fn charge_action<T: Model>(
        &self,
        kind: RequestKind,
        charge: &ChargeRef,
        payload: Value,
        opts: &RequestOptions,
    ) -> Result<Response<T>, Error> {
        let mut body = object_payload(kind, &payload)?;
        for (field, id) in [
            ("charge_uuid", &charge.charge_uuid),
            ("wallet_uuid", &charge.wallet_uuid),
        ] {
            if body
                .get(field)
                .is_some_and(|v| v.as_str() != Some(id.as_str()))
            {
                return Err(Error::validation(vec![Issue::new(
                    IssueCode::InvalidValue,
                    field,
                    format!("{field} in the payload differs from the charge reference's"),
                )]));
            }
        }
        body.insert(
            "charge_uuid".into(),
            Value::String(charge.charge_uuid.clone()),
        );
        body.insert(
            "wallet_uuid".into(),
            Value::String(charge.wallet_uuid.clone()),
        );
        let body = Value::Object(body);
        let (checked, warnings) = self.validated(kind, &body, opts)?;
        charge.check()?;
        let (path, operation) = kind.endpoint();
        let (path, body) = if kind == RequestKind::Refund {
            let mut body = object_payload(kind, &checked)?;
            body.remove("charge_uuid");
            body.remove("wallet_uuid");
            (
                format!(
                    "/api/v1/bank/wallet/charge/{}/refund/{}/",
                    charge.charge_uuid, charge.wallet_uuid
                ),
                Value::Object(body),
            )
        } else {
            (path.to_string(), checked.into_owned())
        };
        self.post_owned(
            path,
            operation,
            Some(charge.resource()),
            body,
            warnings,
            opts,
        )
        .await
    }

    /// Refunds a confirmed or paid charge: the whole remaining amount (`{}`), or `amount` in the
    /// payload (`{"amount": "50.00", "reason": "…"}`). A payload that is not a JSON object is
    /// refused before anything is sent.
    pub async fn refund_charge(
        &self,
        charge: &ChargeRef,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        self.charge_action(RequestKind::Refund, charge, payload.borrow().clone(), opts)
            .await
    }

    /// Captures a charge created with `capture: false`: the whole amount (`{}`) or `amount` in the
    /// payload. A payload that is not a JSON object is refused before anything is sent.
    pub async fn capture_charge(
        &self,
        charge: &ChargeRef,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        self.charge_action(RequestKind::Capture, charge, payload.borrow().clone(), opts)
            .await
    }

    /// Cancels (voids) a charge before it settles.
    pub async fn cancel_charge(
        &self,
        charge: &ChargeRef,
        reason: Option<&str>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        charge.check()?;
        let mut body = Map::new();
        if let Some(r) = reason {
            body.insert("reason".into(), Value::String(r.into()));
        }
        self.post_owned(
            format!(
                "/api/v1/bank/wallet/charge/{}/cancel/{}/",
                charge.charge_uuid, charge.wallet_uuid
            ),
            key_names::CHARGE_CANCEL,
            Some(charge.resource()),
            Value::Object(body),
            Vec::new(),
            opts,
        )
        .await
    }

    /// Polls a charge until it settles (terminal, confirmed or paid) or `max_wait` (default
    /// [`DEFAULT_MAX_WAIT`]) passes, starting at the client's `poll_interval` (A55 advises 2 s) and
    /// backing off up to 10 s. Each poll is a [`Client::get_charge`] with `opts`. The last answer is
    /// returned either way: check its status.
    pub async fn wait_for_charge(
        &self,
        charge: &ChargeRef,
        opts: &RequestOptions,
        max_wait: Option<Duration>,
    ) -> Result<Response<Charge>, Error> {
        let until = Instant::now() + max_wait.unwrap_or(DEFAULT_MAX_WAIT);
        let mut pause = self.config().poll_interval;
        loop {
            let current = self.get_charge(charge, opts).await?;
            if current.data.status.is_settled() || Instant::now() + pause > until {
                return Ok(current);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 3 / 2).min(MAX_POLL);
        }
    }
}
