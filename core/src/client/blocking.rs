//! The blocking facade and the process-wide async runtime.
//!
//! Every binding shares one tokio runtime ([`runtime`]). Blocking calls run the async client on it;
//! Python releases the GIL around them. After `fork()` (gunicorn, Celery) the child must not use
//! the parent's runtime threads, which do not survive the fork: the runtime is keyed by process id
//! and rebuilt in a child.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::models::{
    Charge, CheckoutSession, Page, PaymentLink, PublicCharge, Subscription, Wallet,
};

use super::{
    ChargeRef, Client, ClientConfig, ListChargesParams, RequestOptions, Response, SubscriptionRef,
    WalletQuery,
};

static RUNTIME: Mutex<Option<(u32, Arc<tokio::runtime::Runtime>)>> = Mutex::new(None);

/// The shared multi-thread runtime of this process (rebuilt after a fork).
pub fn runtime() -> Result<Arc<tokio::runtime::Runtime>, Error> {
    let pid = std::process::id();
    let mut guard = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((owner, rt)) = guard.as_ref()
        && *owner == pid
    {
        return Ok(rt.clone());
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("a55-sdk")
        .build()
        .map(Arc::new)
        .map_err(|e| {
            Error::new(
                ErrorKind::Configuration,
                format!("cannot start the async runtime: {e}"),
            )
        })?;
    if let Some((_, old)) = guard.replace((pid, rt.clone())) {
        // A runtime inherited through fork() has no threads in this process: leak it rather than
        // run its destructor, which would wait on threads that do not exist here.
        std::mem::forget(old);
    }
    Ok(rt)
}

/// Runs a future to completion on the shared runtime.
pub fn block_on<F: std::future::Future>(future: F) -> Result<F::Output, Error> {
    Ok(runtime()?.block_on(future))
}

/// The client with blocking methods, for scripts and synchronous services.
#[derive(Clone, Debug)]
pub struct BlockingClient {
    inner: Client,
}

macro_rules! blocking {
    ($( $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty; )*) => {
        impl BlockingClient {
            $(
                $(#[$doc])*
                pub fn $name(&self, $($arg: $ty),*) -> Result<$out, Error> {
                    block_on(self.inner.$name($($arg),*))?
                }
            )*
        }
    };
}

impl BlockingClient {
    /// A blocking client.
    pub fn new(config: ClientConfig) -> Result<BlockingClient, Error> {
        // Build inside the runtime so the connection pool belongs to it.
        let rt = runtime()?;
        let _guard = rt.enter();
        Ok(BlockingClient {
            inner: Client::new(config)?,
        })
    }

    /// The async client behind it.
    pub fn async_client(&self) -> &Client {
        &self.inner
    }

    /// Every charge of a wallet (all pages).
    pub fn all_charges(
        &self,
        params: ListChargesParams,
        opts: RequestOptions,
    ) -> Result<Vec<Charge>, Error> {
        block_on(self.inner.charges_pager(params, opts).collect_all())?
    }
}

blocking! {
    /// See [`Client::create_wallet`].
    fn create_wallet(payload: Value, opts: &RequestOptions) -> Response<Wallet>;
    /// See [`Client::get_wallet`].
    fn get_wallet(q: &WalletQuery, opts: &RequestOptions) -> Response<Wallet>;
    /// See [`Client::create_charge`].
    fn create_charge(payload: Value, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::create_pix_charge`].
    fn create_pix_charge(payload: Value, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::create_subscription`].
    fn create_subscription(payload: Value, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::get_charge`].
    fn get_charge(charge: &ChargeRef, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::list_charges`].
    fn list_charges(p: &ListChargesParams, opts: &RequestOptions) -> Response<Page<Charge>>;
    /// See [`Client::refund_charge`].
    fn refund_charge(charge: &ChargeRef, payload: Value, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::cancel_charge`].
    fn cancel_charge(charge: &ChargeRef, reason: Option<&str>, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::capture_charge`].
    fn capture_charge(charge: &ChargeRef, payload: Value, opts: &RequestOptions) -> Response<Charge>;
    /// See [`Client::wait_for_charge`].
    fn wait_for_charge(charge: &ChargeRef, opts: &RequestOptions, max_wait: Option<Duration>) -> Response<Charge>;
    /// See [`Client::get_subscription`].
    fn get_subscription(subscription: &SubscriptionRef, opts: &RequestOptions) -> Response<Subscription>;
    /// See [`Client::cancel_subscription`].
    fn cancel_subscription(subscription: &SubscriptionRef, opts: &RequestOptions) -> Response<Subscription>;
    /// See [`Client::create_checkout`].
    fn create_checkout(payload: Value, opts: &RequestOptions) -> Response<CheckoutSession>;
    /// See [`Client::create_payment_link`].
    fn create_payment_link(payload: Value, opts: &RequestOptions) -> Response<PaymentLink>;
    /// See [`Client::get_public_charge`].
    fn get_public_charge(charge_uuid: &str, opts: &RequestOptions) -> Response<PublicCharge>;
    /// See [`Client::pay_public_charge`].
    fn pay_public_charge(charge_uuid: &str, payload: Value, opts: &RequestOptions) -> Response<Charge>;
}
