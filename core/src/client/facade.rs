//! The facade the language packages call: owned arguments, `'static` futures, concrete results.
//!
//! [`Client`]'s methods borrow their arguments and are generic where Rust users like it
//! (`impl Borrow<Value>`). Python, Node, Kotlin and Swift hold owned values and need futures that
//! outlive the call that made them, so each wraps this one module instead of writing an adapter:
//!
//! - every method takes owned arguments and returns a [`Pending`] call, a `Send + 'static` future
//!   whose idempotency key is fixed before it starts: a caller that abandons it (a dropped Python
//!   task, an aborted JavaScript promise, a cancelled coroutine) can still report the key with
//!   [`Pending::abandoned`];
//! - which per-call options a method honours is decided here, once ([`Operation::honours`]): an
//!   option a method ignores is refused, not silently dropped;
//! - the pager works through `&self` ([`ChargePages`]), as foreign objects do.
//!
//! ```no_run
//! # async fn f() -> Result<(), a55_core::Error> {
//! use a55_core::client::facade::Facade;
//! use a55_core::client::{ClientConfig, Environment, RequestOptions};
//! let facade = Facade::new(ClientConfig::from_env(Environment::Sandbox))?;
//! let call = facade.create_charge(serde_json::json!({ /* … */ }), RequestOptions::default());
//! let key = call.idempotency_key().map(str::to_string); // known before the request is sent
//! let charge = call.await?;
//! # Ok(()) }
//! ```

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::codes::{Issue, IssueCode};
use crate::error::Error;
use crate::models::{
    Charge, CheckoutSession, Page, PaymentLink, PublicCharge, Subscription, Wallet,
};

pub use super::pending::{Cancel, Cancellable, Ended, Pending, abandoned};
use super::{
    ChargePager, ChargeRef, Client, ClientConfig, ListChargesParams, RequestOptions, Response,
    SubscriptionRef, WalletQuery,
};

/// The names derived idempotency keys are computed with: changing one changes every key derived
/// for that operation.
pub(crate) mod key_names {
    /// `wallet.create`.
    pub const WALLET_CREATE: &str = "wallet.create";
    /// `charge.create`.
    pub const CHARGE_CREATE: &str = "charge.create";
    /// `pix_charge.create`.
    pub const PIX_CHARGE_CREATE: &str = "pix_charge.create";
    /// `subscription.create`.
    pub const SUBSCRIPTION_CREATE: &str = "subscription.create";
    /// `charge.refund`.
    pub const CHARGE_REFUND: &str = "charge.refund";
    /// `charge.capture`.
    pub const CHARGE_CAPTURE: &str = "charge.capture";
    /// `charge.cancel`.
    pub const CHARGE_CANCEL: &str = "charge.cancel";
    /// `checkout.create`.
    pub const CHECKOUT_CREATE: &str = "checkout.create";
    /// `payment_link.create`.
    pub const PAYMENT_LINK_CREATE: &str = "payment_link.create";
    /// `charge.pay`.
    pub const CHARGE_PAY: &str = "charge.pay";
}

/// A per-call option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallOption {
    /// `idempotency_key`: the exact key to send.
    IdempotencyKey,
    /// `idempotency_from`: derive the key from your own id.
    IdempotencyFrom,
    /// `timeout`: per attempt.
    Timeout,
    /// `deadline`: for the whole call.
    Deadline,
    /// `max_retries`.
    MaxRetries,
    /// `skip_validation`: send without local validation.
    SkipValidation,
}

impl CallOption {
    /// The option's name, as the packages spell it in snake case.
    pub fn name(self) -> &'static str {
        match self {
            CallOption::IdempotencyKey => "idempotency_key",
            CallOption::IdempotencyFrom => "idempotency_from",
            CallOption::Timeout => "timeout",
            CallOption::Deadline => "deadline",
            CallOption::MaxRetries => "max_retries",
            CallOption::SkipValidation => "skip_validation",
        }
    }
}

use CallOption::{Deadline, IdempotencyFrom, IdempotencyKey, MaxRetries, SkipValidation, Timeout};

/// Reads honour the transport options only.
const READ: &[CallOption] = &[Timeout, Deadline, MaxRetries];
/// A validated POST: an idempotency key and local validation.
const VALIDATED_POST: &[CallOption] = &[
    IdempotencyKey,
    IdempotencyFrom,
    Timeout,
    Deadline,
    MaxRetries,
    SkipValidation,
];
/// A POST without a payload to validate (cancel).
const POST: &[CallOption] = &[
    IdempotencyKey,
    IdempotencyFrom,
    Timeout,
    Deadline,
    MaxRetries,
];

/// A method of the client surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    /// `create_wallet`.
    CreateWallet,
    /// `get_wallet`.
    GetWallet,
    /// `create_charge`.
    CreateCharge,
    /// `create_pix_charge`.
    CreatePixCharge,
    /// `create_subscription`.
    CreateSubscription,
    /// `get_charge`.
    GetCharge,
    /// `list_charges`.
    ListCharges,
    /// `list_all_charges` (the pager; each page is a read).
    ListAllCharges,
    /// `refund_charge`.
    RefundCharge,
    /// `capture_charge`.
    CaptureCharge,
    /// `cancel_charge`.
    CancelCharge,
    /// `wait_for_charge` (each poll is a read).
    WaitForCharge,
    /// `get_subscription`.
    GetSubscription,
    /// `cancel_subscription` (a `DELETE`: no idempotency key).
    CancelSubscription,
    /// `create_checkout`.
    CreateCheckout,
    /// `create_payment_link`.
    CreatePaymentLink,
    /// `get_public_charge`.
    GetPublicCharge,
    /// `pay_public_charge`.
    PayPublicCharge,
}

impl Operation {
    /// Every method.
    pub const ALL: [Operation; 18] = [
        Operation::CreateWallet,
        Operation::GetWallet,
        Operation::CreateCharge,
        Operation::CreatePixCharge,
        Operation::CreateSubscription,
        Operation::GetCharge,
        Operation::ListCharges,
        Operation::ListAllCharges,
        Operation::RefundCharge,
        Operation::CaptureCharge,
        Operation::CancelCharge,
        Operation::WaitForCharge,
        Operation::GetSubscription,
        Operation::CancelSubscription,
        Operation::CreateCheckout,
        Operation::CreatePaymentLink,
        Operation::GetPublicCharge,
        Operation::PayPublicCharge,
    ];

    /// The method's name in snake case (`create_charge`); Node, Kotlin and Swift use its camel
    /// case.
    pub fn name(self) -> &'static str {
        match self {
            Operation::CreateWallet => "create_wallet",
            Operation::GetWallet => "get_wallet",
            Operation::CreateCharge => "create_charge",
            Operation::CreatePixCharge => "create_pix_charge",
            Operation::CreateSubscription => "create_subscription",
            Operation::GetCharge => "get_charge",
            Operation::ListCharges => "list_charges",
            Operation::ListAllCharges => "list_all_charges",
            Operation::RefundCharge => "refund_charge",
            Operation::CaptureCharge => "capture_charge",
            Operation::CancelCharge => "cancel_charge",
            Operation::WaitForCharge => "wait_for_charge",
            Operation::GetSubscription => "get_subscription",
            Operation::CancelSubscription => "cancel_subscription",
            Operation::CreateCheckout => "create_checkout",
            Operation::CreatePaymentLink => "create_payment_link",
            Operation::GetPublicCharge => "get_public_charge",
            Operation::PayPublicCharge => "pay_public_charge",
        }
    }

    /// The method's name in camel case (`createCharge`), as Node, Kotlin and Swift spell it.
    pub fn camel_name(self) -> String {
        let mut out = String::new();
        let mut upper = false;
        for c in self.name().chars() {
            match c {
                '_' => upper = true,
                c if upper => {
                    out.push(c.to_ascii_uppercase());
                    upper = false;
                }
                c => out.push(c),
            }
        }
        out
    }

    /// The name a derived idempotency key is computed with (`charge.create`), for the methods that
    /// send a key.
    pub fn key_name(self) -> Option<&'static str> {
        Some(match self {
            Operation::CreateWallet => key_names::WALLET_CREATE,
            Operation::CreateCharge => key_names::CHARGE_CREATE,
            Operation::CreatePixCharge => key_names::PIX_CHARGE_CREATE,
            Operation::CreateSubscription => key_names::SUBSCRIPTION_CREATE,
            Operation::RefundCharge => key_names::CHARGE_REFUND,
            Operation::CaptureCharge => key_names::CHARGE_CAPTURE,
            Operation::CancelCharge => key_names::CHARGE_CANCEL,
            Operation::CreateCheckout => key_names::CHECKOUT_CREATE,
            Operation::CreatePaymentLink => key_names::PAYMENT_LINK_CREATE,
            Operation::PayPublicCharge => key_names::CHARGE_PAY,
            _ => return None,
        })
    }

    /// The per-call options the method honours.
    pub fn honours(self) -> &'static [CallOption] {
        match self {
            Operation::CancelCharge => POST,
            op if op.key_name().is_some() => VALIDATED_POST,
            _ => READ,
        }
    }

    /// Refuses an option the method would ignore, naming it.
    pub fn check(self, opts: &RequestOptions) -> Result<(), Error> {
        let given = [
            (IdempotencyKey, opts.idempotency_key.is_some()),
            (IdempotencyFrom, opts.idempotency_from.is_some()),
            (Timeout, opts.timeout.is_some()),
            (Deadline, opts.deadline.is_some()),
            (MaxRetries, opts.max_retries.is_some()),
            (SkipValidation, opts.skip_validation),
        ];
        let issues: Vec<Issue> = given
            .iter()
            .filter(|(option, set)| *set && !self.honours().contains(option))
            .map(|(option, _)| {
                Issue::new(
                    IssueCode::InvalidValue,
                    option.name(),
                    format!("{} does not take {}", self.name(), option.name()),
                )
            })
            .collect();
        if issues.is_empty() {
            Ok(())
        } else {
            Err(Error::validation(issues))
        }
    }
}

/// Every charge of a wallet, one page request at a time, through `&self`.
#[derive(Debug)]
pub struct ChargePages {
    pager: tokio::sync::Mutex<ChargePager>,
}

impl ChargePages {
    /// The next charge, `None` after the last one (calls are served one at a time).
    pub async fn next(&self) -> Option<Result<Charge, Error>> {
        self.pager.lock().await.next().await
    }
}

/// The client surface with owned arguments and `'static` results. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Facade {
    client: Client,
}

impl Facade {
    /// A facade over a new client.
    pub fn new(config: ClientConfig) -> Result<Facade, Error> {
        Ok(Facade {
            client: Client::new(config)?,
        })
    }

    /// A facade over an existing client.
    pub fn from_client(client: Client) -> Facade {
        Facade { client }
    }

    /// The client behind it.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Checks the options, fixes the key, and starts nothing until polled.
    fn start<T, F, Fut>(
        &self,
        op: Operation,
        resource: Option<String>,
        mut opts: RequestOptions,
        call: F,
    ) -> Pending<T>
    where
        T: Send + 'static,
        F: FnOnce(Client, RequestOptions) -> Fut,
        Fut: Future<Output = Result<Response<T>, Error>> + Send + 'static,
    {
        if let Err(e) = op.check(&opts) {
            return Pending::failed(e);
        }
        let key = op
            .key_name()
            .map(|name| opts.idempotency_key_for(name, resource.as_deref()));
        opts.idempotency_key = key.clone();
        opts.idempotency_from = None;
        Pending::new(key, call(self.client.clone(), opts))
    }
}

macro_rules! payload_methods {
    ($( $(#[$doc:meta])* $name:ident => $op:ident -> $out:ty; )*) => {
        impl Facade {
            $(
                $(#[$doc])*
                pub fn $name(&self, payload: Value, opts: RequestOptions) -> Pending<$out> {
                    self.start(Operation::$op, None, opts, |c, o| async move {
                        c.$name(payload, &o).await
                    })
                }
            )*
        }
    };
}

payload_methods! {
    /// See [`Client::create_wallet`].
    create_wallet => CreateWallet -> Wallet;
    /// See [`Client::create_charge`].
    create_charge => CreateCharge -> Charge;
    /// See [`Client::create_pix_charge`].
    create_pix_charge => CreatePixCharge -> Charge;
    /// See [`Client::create_subscription`].
    create_subscription => CreateSubscription -> Charge;
    /// See [`Client::create_checkout`].
    create_checkout => CreateCheckout -> CheckoutSession;
    /// See [`Client::create_payment_link`].
    create_payment_link => CreatePaymentLink -> PaymentLink;
}

impl Facade {
    /// See [`Client::get_wallet`].
    pub fn get_wallet(&self, query: WalletQuery, opts: RequestOptions) -> Pending<Wallet> {
        self.start(Operation::GetWallet, None, opts, |c, o| async move {
            c.get_wallet(&query, &o).await
        })
    }

    /// See [`Client::get_charge`].
    pub fn get_charge(&self, charge: ChargeRef, opts: RequestOptions) -> Pending<Charge> {
        self.start(Operation::GetCharge, None, opts, |c, o| async move {
            c.get_charge(&charge, &o).await
        })
    }

    /// See [`Client::list_charges`].
    pub fn list_charges(
        &self,
        params: ListChargesParams,
        opts: RequestOptions,
    ) -> Pending<Page<Charge>> {
        self.start(Operation::ListCharges, None, opts, |c, o| async move {
            c.list_charges(&params, &o).await
        })
    }

    /// Every charge of a wallet, fetched a page at a time as [`ChargePages::next`] is called.
    pub fn list_all_charges(
        &self,
        params: ListChargesParams,
        opts: RequestOptions,
    ) -> Result<Arc<ChargePages>, Error> {
        Operation::ListAllCharges.check(&opts)?;
        Ok(Arc::new(ChargePages {
            pager: tokio::sync::Mutex::new(self.client.charges_pager(params, opts)),
        }))
    }

    /// See [`Client::refund_charge`].
    pub fn refund_charge(
        &self,
        charge: ChargeRef,
        payload: Value,
        opts: RequestOptions,
    ) -> Pending<Charge> {
        let resource = Some(charge.resource());
        self.start(Operation::RefundCharge, resource, opts, |c, o| async move {
            c.refund_charge(&charge, payload, &o).await
        })
    }

    /// See [`Client::capture_charge`].
    pub fn capture_charge(
        &self,
        charge: ChargeRef,
        payload: Value,
        opts: RequestOptions,
    ) -> Pending<Charge> {
        let resource = Some(charge.resource());
        self.start(
            Operation::CaptureCharge,
            resource,
            opts,
            |c, o| async move { c.capture_charge(&charge, payload, &o).await },
        )
    }

    /// See [`Client::cancel_charge`].
    pub fn cancel_charge(
        &self,
        charge: ChargeRef,
        reason: Option<String>,
        opts: RequestOptions,
    ) -> Pending<Charge> {
        let resource = Some(charge.resource());
        self.start(Operation::CancelCharge, resource, opts, |c, o| async move {
            c.cancel_charge(&charge, reason.as_deref(), &o).await
        })
    }

    /// See [`Client::wait_for_charge`]: `opts` apply to each poll, `max_wait` (default
    /// [`super::DEFAULT_MAX_WAIT`]) to the whole wait.
    pub fn wait_for_charge(
        &self,
        charge: ChargeRef,
        opts: RequestOptions,
        max_wait: Option<Duration>,
    ) -> Pending<Charge> {
        self.start(Operation::WaitForCharge, None, opts, |c, o| async move {
            c.wait_for_charge(&charge, &o, max_wait).await
        })
    }

    /// See [`Client::get_subscription`].
    pub fn get_subscription(
        &self,
        subscription: SubscriptionRef,
        opts: RequestOptions,
    ) -> Pending<Subscription> {
        self.start(Operation::GetSubscription, None, opts, |c, o| async move {
            c.get_subscription(&subscription, &o).await
        })
    }

    /// See [`Client::cancel_subscription`].
    pub fn cancel_subscription(
        &self,
        subscription: SubscriptionRef,
        opts: RequestOptions,
    ) -> Pending<Subscription> {
        self.start(
            Operation::CancelSubscription,
            None,
            opts,
            |c, o| async move { c.cancel_subscription(&subscription, &o).await },
        )
    }

    /// See [`Client::get_public_charge`].
    pub fn get_public_charge(
        &self,
        charge_uuid: String,
        opts: RequestOptions,
    ) -> Pending<PublicCharge> {
        self.start(Operation::GetPublicCharge, None, opts, |c, o| async move {
            c.get_public_charge(&charge_uuid, &o).await
        })
    }

    /// See [`Client::pay_public_charge`].
    pub fn pay_public_charge(
        &self,
        charge_uuid: String,
        payload: Value,
        opts: RequestOptions,
    ) -> Pending<Charge> {
        let resource = Some(charge_uuid.clone());
        self.start(
            Operation::PayPublicCharge,
            resource,
            opts,
            |c, o| async move { c.pay_public_charge(&charge_uuid, payload, &o).await },
        )
    }
}
