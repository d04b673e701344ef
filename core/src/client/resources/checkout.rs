//! Hosted checkout sessions and payment links.

use std::borrow::Borrow;

use serde_json::Value;

use crate::client::facade::key_names;
use crate::error::Error;
use crate::models::{CheckoutSession, PaymentLink};
use crate::validate::RequestKind;

use crate::client::{Client, RequestOptions, Response};

impl Client {
    /// Creates a hosted checkout session: send the payer to `checkout_url`.
    pub async fn create_checkout(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<CheckoutSession>, Error> {
        self.post_validated(
            "/api/v1/bank/wallet/checkout/".into(),
            RequestKind::Checkout,
            key_names::CHECKOUT_CREATE,
            None,
            payload.borrow(),
            opts,
        )
        .await
    }

    /// Creates a payment link. Its amount (`value`, or `amount`) is normalized like every amount the
    /// SDK sends, and its ids, currency, URLs and installment limit are checked (`payment_link` in
    /// docs/validation.md).
    pub async fn create_payment_link(
        &self,
        payload: impl Borrow<Value>,
        opts: &RequestOptions,
    ) -> Result<Response<PaymentLink>, Error> {
        self.post_validated(
            "/api/v1/bank/wallet/payment-link/".into(),
            RequestKind::PaymentLink,
            key_names::PAYMENT_LINK_CREATE,
            None,
            payload.borrow(),
            opts,
        )
        .await
    }
}
