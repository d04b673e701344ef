//! The API's resources: wallets, charges (every method, PIX, list, refund, cancel, capture, wait),
//! subscriptions, checkout sessions, payment links and the public charge endpoints.

use std::borrow::{Borrow, Cow};
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Map, Value};

use crate::codes::{Issue, IssueCode};
use crate::error::{Error, ErrorKind};
use crate::formats::is_uuid;
use crate::models::{
    ApiRequest, Charge, CheckoutSession, Model, Page, PaymentLink, PublicCharge, Subscription,
    Wallet,
};
use crate::validate::RequestKind;

use super::{Call, Client, RequestOptions, Response};

/// Filters for [`Client::get_wallet`]: at least one of the first three.
#[derive(Debug, Clone, Default)]
pub struct WalletQuery {
    /// The wallet's id.
    pub wallet_uuid: Option<String>,
    /// Its email.
    pub email: Option<String>,
    /// Your customer id.
    pub customer_id: Option<String>,
    /// Its currency.
    pub currency: Option<String>,
}

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

fn encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn query(pairs: &[(&str, Option<&str>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.map(|v| format!("{k}={}", encode(v))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Checks identifiers that go into a path or query: every bad one is reported.
fn check_uuids(ids: &[(&str, &str)]) -> Result<(), Error> {
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

fn object(payload: Value) -> Map<String, Value> {
    match payload {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

impl Client {
    async fn post_validated<T: Model>(
        &self,
        path: String,
        kind: RequestKind,
        operation: &'static str,
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
                opts,
            },
            warnings,
        )
        .await
    }

    async fn get_json<T: Model>(
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
                opts,
            },
            Vec::new(),
        )
        .await
    }

    /// Creates a wallet (`POST /api/v1/bank/wallet/`).
    pub async fn create_wallet(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Wallet>, Error> {
        self.post_validated(
            "/api/v1/bank/wallet/".into(),
            RequestKind::Wallet,
            "wallet.create",
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Finds a wallet by id, email or customer id.
    pub async fn get_wallet(
        &self,
        q: &WalletQuery,
        opts: &RequestOptions,
    ) -> Result<Response<Wallet>, Error> {
        if q.wallet_uuid.is_none() && q.email.is_none() && q.customer_id.is_none() {
            return Err(Error::validation(vec![Issue::new(
                IssueCode::RequiredField,
                "wallet_uuid",
                "give wallet_uuid, email or customer_id",
            )]));
        }
        if let Some(id) = &q.wallet_uuid {
            check_uuids(&[("wallet_uuid", id)])?;
        }
        let path = format!(
            "/api/v1/bank/wallet/{}",
            query(&[
                ("wallet_uuid", q.wallet_uuid.as_deref()),
                ("email", q.email.as_deref()),
                ("customer_id", q.customer_id.as_deref()),
                ("currency", q.currency.as_deref()),
            ])
        );
        self.get_json(path, true, opts).await
    }

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
        self.post_validated(
            "/api/v1/bank/wallet/charge/".into(),
            RequestKind::Charge,
            "charge.create",
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
        self.post_validated(
            "/api/v1/bank/wallet/charge/pix/".into(),
            RequestKind::PixCharge,
            "pix_charge.create",
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Sends a typed request (any [`ApiRequest`]) through the same validation as a JSON payload.
    pub async fn create<R: ApiRequest, T: Model>(
        &self,
        request: &R,
        opts: &RequestOptions,
    ) -> Result<Response<T>, Error> {
        let (path, operation) = match R::KIND {
            RequestKind::Wallet => ("/api/v1/bank/wallet/", "wallet.create"),
            RequestKind::Charge => ("/api/v1/bank/wallet/charge/", "charge.create"),
            RequestKind::PixCharge => ("/api/v1/bank/wallet/charge/pix/", "pix_charge.create"),
            RequestKind::Checkout => ("/api/v1/bank/wallet/checkout/", "checkout.create"),
            RequestKind::Capture => ("/api/v1/bank/wallet/charge/capture/", "charge.capture"),
            RequestKind::Refund => {
                let payload = request.to_payload();
                let charge = payload["charge_uuid"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                let wallet = payload["wallet_uuid"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                return self.refund_inner(&charge, &wallet, payload, opts).await;
            }
        };
        self.post_validated(path.into(), R::KIND, operation, &request.to_payload(), opts)
            .await
    }

    /// Reads a charge.
    pub async fn get_charge(
        &self,
        charge_uuid: &str,
        wallet_uuid: &str,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        check_uuids(&[("charge_uuid", charge_uuid), ("wallet_uuid", wallet_uuid)])?;
        let path = format!(
            "/api/v1/bank/wallet/charge/{}",
            query(&[
                ("charge_uuid", Some(charge_uuid)),
                ("wallet_uuid", Some(wallet_uuid))
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
        ChargePager {
            client: self.clone(),
            params,
            opts,
            buffer: std::collections::VecDeque::new(),
            next_page: Some(1),
        }
    }

    async fn refund_inner<T: Model>(
        &self,
        charge_uuid: &str,
        wallet_uuid: &str,
        payload: Value,
        opts: &RequestOptions,
    ) -> Result<Response<T>, Error> {
        let mut body = object(payload);
        body.insert("charge_uuid".into(), Value::String(charge_uuid.into()));
        body.insert("wallet_uuid".into(), Value::String(wallet_uuid.into()));
        let body = Value::Object(body);
        let (checked, warnings) = self.validated(RequestKind::Refund, &body, opts)?;
        check_uuids(&[("charge_uuid", charge_uuid), ("wallet_uuid", wallet_uuid)])?;
        let mut body = object(checked.into_owned());
        body.remove("charge_uuid");
        body.remove("wallet_uuid");
        self.send(
            Call {
                method: Method::POST,
                path: format!("/api/v1/bank/wallet/charge/{charge_uuid}/refund/{wallet_uuid}/"),
                body: Some(Cow::Owned(Value::Object(body))),
                auth: true,
                operation: "charge.refund",
                opts,
            },
            warnings,
        )
        .await
    }

    /// Refunds a confirmed or paid charge: the whole remaining amount, or `amount` in the payload
    /// (`{"amount": "50.00", "reason": "…"}`).
    pub async fn refund_charge(
        &self,
        charge_uuid: &str,
        wallet_uuid: &str,
        payload: Value,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        self.refund_inner(charge_uuid, wallet_uuid, payload, opts)
            .await
    }

    /// Cancels (voids) a charge before it settles.
    pub async fn cancel_charge(
        &self,
        charge_uuid: &str,
        wallet_uuid: &str,
        reason: Option<&str>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        check_uuids(&[("charge_uuid", charge_uuid), ("wallet_uuid", wallet_uuid)])?;
        let mut body = Map::new();
        if let Some(r) = reason {
            body.insert("reason".into(), Value::String(r.into()));
        }
        self.send(
            Call {
                method: Method::POST,
                path: format!("/api/v1/bank/wallet/charge/{charge_uuid}/cancel/{wallet_uuid}/"),
                body: Some(Cow::Owned(Value::Object(body))),
                auth: true,
                operation: "charge.cancel",
                opts,
            },
            Vec::new(),
        )
        .await
    }

    /// Captures a charge created with `capture: false` (`{"charge_uuid", "wallet_uuid", "amount"?}`).
    pub async fn capture_charge(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        self.post_validated(
            "/api/v1/bank/wallet/charge/capture/".into(),
            RequestKind::Capture,
            "charge.capture",
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Polls a charge until it settles (terminal, confirmed or paid) or `timeout` passes, backing off
    /// from 2 s (A55's advice) up to 10 s. The last answer is returned either way; check its status.
    pub async fn wait_for_charge(
        &self,
        charge_uuid: &str,
        wallet_uuid: &str,
        timeout: Duration,
        poll_start: Option<Duration>,
    ) -> Result<Response<Charge>, Error> {
        let until = Instant::now() + timeout;
        let mut pause = poll_start.unwrap_or(Duration::from_secs(2));
        loop {
            let current = self
                .get_charge(charge_uuid, wallet_uuid, &RequestOptions::default())
                .await?;
            if current.data.status.is_settled() || Instant::now() + pause > until {
                return Ok(current);
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 3 / 2).min(Duration::from_secs(10));
        }
    }

    /// Reads a subscription.
    pub async fn get_subscription(
        &self,
        wallet_uuid: &str,
        subscription_uuid: &str,
        opts: &RequestOptions,
    ) -> Result<Response<Subscription>, Error> {
        check_uuids(&[
            ("wallet_uuid", wallet_uuid),
            ("subscription_uuid", subscription_uuid),
        ])?;
        let path = format!(
            "/api/v1/bank/wallet/subscription/{}",
            query(&[
                ("wallet_uuid", Some(wallet_uuid)),
                ("subscription_uuid", Some(subscription_uuid))
            ])
        );
        self.get_json(path, true, opts).await
    }

    /// Cancels a subscription: future charges stop; past ones stay.
    pub async fn cancel_subscription(
        &self,
        subscription_uuid: &str,
        wallet_uuid: &str,
        opts: &RequestOptions,
    ) -> Result<Response<Subscription>, Error> {
        check_uuids(&[
            ("subscription_uuid", subscription_uuid),
            ("wallet_uuid", wallet_uuid),
        ])?;
        self.send(
            Call {
                method: Method::DELETE,
                path: format!(
                    "/api/v1/bank/wallet/subscription/{subscription_uuid}/cancel/{wallet_uuid}/"
                ),
                body: None,
                auth: true,
                operation: "subscription.cancel",
                opts,
            },
            Vec::new(),
        )
        .await
    }

    /// Creates a hosted checkout session: send the payer to `checkout_url`.
    pub async fn create_checkout(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<CheckoutSession>, Error> {
        self.post_validated(
            "/api/v1/bank/wallet/checkout/".into(),
            RequestKind::Checkout,
            "checkout.create",
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Creates a payment link. (A55's field list for links conflicts between its pages, so only the
    /// wallet id is checked locally; the server validates the rest.)
    pub async fn create_payment_link(
        &self,
        payload: Value,
        opts: &RequestOptions,
    ) -> Result<Response<PaymentLink>, Error> {
        let wallet = payload["wallet_uuid"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        check_uuids(&[("wallet_uuid", &wallet)])?;
        self.send(
            Call {
                method: Method::POST,
                path: "/api/v1/bank/wallet/payment-link/".into(),
                body: Some(Cow::Owned(payload)),
                auth: true,
                operation: "payment_link.create",
                opts,
            },
            Vec::new(),
        )
        .await
    }

    /// The public view of a charge (no token needed; the charge id is the authorization context).
    pub async fn get_public_charge(
        &self,
        charge_uuid: &str,
        opts: &RequestOptions,
    ) -> Result<Response<PublicCharge>, Error> {
        check_uuids(&[("charge_uuid", charge_uuid)])?;
        let path = format!(
            "/api/v1/bank/public/charge{}",
            query(&[("charge_uuid", Some(charge_uuid))])
        );
        let (raw, mut meta) = self
            .execute(Call {
                method: Method::GET,
                path,
                body: None,
                auth: false,
                operation: "get",
                opts,
            })
            .await?;
        let first = match &raw {
            Value::Array(items) => items.first().cloned(),
            Value::Object(_) => Some(raw.clone()),
            _ => None,
        };
        let Some(first) = first else {
            let mut e = Error::new(ErrorKind::NotFound, "the public charge answer was empty");
            e.status = Some(meta.status);
            e.request_id = meta.request_id.clone();
            return Err(e);
        };
        let data = PublicCharge::from_json(first).map_err(|e| {
            Error::new(
                ErrorKind::Decode,
                format!("the answer could not be read: {e}"),
            )
        })?;
        meta.raw = crate::models::RawJson::from(raw);
        Ok(Response { data, meta })
    }

    /// Pays a charge with a card, as a payer's browser would (no token). The flat documented body:
    /// `card_number`, `card_name`, `card_expiry_month`, `card_expiry_year`, `card_cvv`, optional
    /// `payer_tax_id` and `device_info`.
    pub async fn pay_public_charge(
        &self,
        charge_uuid: &str,
        payload: Value,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        check_uuids(&[("charge_uuid", charge_uuid)])?;
        self.send(
            Call {
                method: Method::POST,
                path: format!("/api/v1/bank/public/charge/{charge_uuid}/pay"),
                body: Some(Cow::Owned(payload)),
                auth: false,
                operation: "charge.pay",
                opts,
            },
            Vec::new(),
        )
        .await
    }
}

/// Walks every charge of a wallet, one page request at a time.
#[derive(Debug)]
pub struct ChargePager {
    client: Client,
    params: ListChargesParams,
    opts: RequestOptions,
    buffer: std::collections::VecDeque<Charge>,
    next_page: Option<u32>,
}

impl ChargePager {
    /// The next charge, `None` after the last one.
    pub async fn next(&mut self) -> Option<Result<Charge, Error>> {
        loop {
            if let Some(c) = self.buffer.pop_front() {
                return Some(Ok(c));
            }
            let page = self.next_page?;
            let mut params = self.params.clone();
            params.page = Some(page);
            match self.client.list_charges(&params, &self.opts).await {
                Ok(res) => {
                    let items = res.data.items();
                    let pages = res.data.pages.unwrap_or(page);
                    self.next_page = (page < pages && !items.is_empty()).then_some(page + 1);
                    self.buffer.extend(items);
                    if self.buffer.is_empty() {
                        return None;
                    }
                }
                Err(e) => {
                    self.next_page = None;
                    return Some(Err(e));
                }
            }
        }
    }

    /// Collects everything (stopping at the first error).
    pub async fn collect_all(mut self) -> Result<Vec<Charge>, Error> {
        let mut out = Vec::new();
        while let Some(item) = self.next().await {
            out.push(item?);
        }
        Ok(out)
    }
}
