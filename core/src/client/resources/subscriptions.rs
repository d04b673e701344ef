//! Subscriptions: created as a charge with a `subscription` object, then read and cancelled.

use std::borrow::Borrow;

use reqwest::Method;
use serde_json::Value;

use crate::client::facade::key_names;
use crate::error::Error;
use crate::models::{Charge, Subscription};
use crate::validate::RequestKind;

use super::{SubscriptionRef, query};
use crate::client::{Call, Client, RequestOptions, Response};

impl Client {
    /// Creates a subscription: a card charge whose `subscription` object (`cycle`, optional
    /// `end_date`) makes it the first of a series (seed 003). The answer is that first charge, with
    /// `subscription.subscription_uuid` and its `next_charge_date`.
    pub async fn create_subscription(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<Charge>, Error> {
        let payload = payload.borrow();
        if !payload.get("subscription").is_some_and(Value::is_object) {
            return Err(Error::validation(vec![crate::codes::Issue::new(
                crate::codes::IssueCode::RequiredField,
                "subscription",
                "a subscription needs a subscription object with its cycle",
            )]));
        }
        self.post_validated(
            "/api/v1/bank/wallet/charge/".into(),
            RequestKind::Charge,
            key_names::SUBSCRIPTION_CREATE,
            None,
            payload,
            opts,
        )
        .await
    }

    /// Reads a subscription.
    pub async fn get_subscription(
        &self,
        subscription: &SubscriptionRef,
        opts: &RequestOptions,
    ) -> Result<Response<Subscription>, Error> {
        subscription.check()?;
        let path = format!(
            "/api/v1/bank/wallet/subscription/{}",
            query(&[
                ("wallet_uuid", Some(&subscription.wallet_uuid)),
                ("subscription_uuid", Some(&subscription.subscription_uuid))
            ])
        );
        self.get_json(path, true, opts).await
    }

    /// Cancels a subscription: future charges stop; past ones stay. (A `DELETE`: no idempotency
    /// key is sent; cancelling twice is harmless.)
    pub async fn cancel_subscription(
        &self,
        subscription: &SubscriptionRef,
        opts: &RequestOptions,
    ) -> Result<Response<Subscription>, Error> {
        subscription.check()?;
        self.send(
            Call {
                method: Method::DELETE,
                path: format!(
                    "/api/v1/bank/wallet/subscription/{}/cancel/{}/",
                    subscription.subscription_uuid, subscription.wallet_uuid
                ),
                body: None,
                auth: true,
                operation: "subscription.cancel",
                resource: None,
                opts,
            },
            Vec::new(),
        )
        .await
    }
}
