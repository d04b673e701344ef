//! `a55.Client`: core's client (auth, retries, idempotency, validation) with blocking methods.
//!
//! Every method releases the GIL while the call runs on the SDK's shared runtime, so threads of a
//! Python service call concurrently. Results are [`Response`] objects whose `data` is the answer's
//! JSON (amounts as `Decimal`, exactly as sent) in dicts whose `repr` masks secrets and personal data.

use std::time::Duration;

use a55_core::client::blocking::{block_on, runtime};
use a55_core::client::facade::{Facade, Pending};
use a55_core::client::{
    ChargeRef, ClientConfig, Credentials, Environment, ListChargesParams, RequestOptions,
    SubscriptionRef, WalletQuery,
};
use a55_core::models::Model;
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert::{json_to_py, opt_date, to_json};
use crate::error::{BindingResult, guard};
use crate::response::Response;

/// An optional number of seconds, checked by core's rule.
fn seconds(value: Option<f64>, field: &str) -> BindingResult<Option<Duration>> {
    Ok(value
        .map(|s| a55_core::client::seconds(s, field))
        .transpose()?)
}

/// The body of a refund or capture: an optional `amount` (any number Python has) and `reason`.
fn amount_body(amount: Option<&Bound<'_, PyAny>>, reason: Option<String>) -> BindingResult<Value> {
    let mut body = serde_json::Map::new();
    if let Some(a) = amount {
        body.insert("amount".into(), to_json(a)?);
    }
    if let Some(r) = reason {
        body.insert("reason".into(), Value::String(r));
    }
    Ok(Value::Object(body))
}

/// The per-call keyword options every method takes.
#[derive(Default)]
struct CallOptions {
    idempotency_key: Option<String>,
    idempotency_from: Option<String>,
    timeout: Option<f64>,
    deadline: Option<f64>,
    max_retries: Option<u32>,
}

impl CallOptions {
    fn core(&self) -> BindingResult<RequestOptions> {
        Ok(RequestOptions {
            idempotency_key: self.idempotency_key.clone(),
            idempotency_from: self.idempotency_from.clone(),
            timeout: seconds(self.timeout, "timeout")?,
            deadline: seconds(self.deadline, "deadline")?,
            max_retries: self.max_retries,
            skip_validation: false,
        })
    }
}

/// The A55 client, with blocking methods that release the GIL.
///
/// >>> client = a55.Client(client_id="...", client_secret="...", environment="sandbox")
/// >>> charge = client.create_charge({...}, idempotency_from="order-42")
/// >>> charge.data["status"]
///
/// Credentials: ``client_id`` + ``client_secret`` (tokens are fetched, cached and refreshed), or an
/// ``access_token``; :meth:`from_env` reads ``A55_CLIENT_ID``/``A55_CLIENT_SECRET`` or
/// ``A55_ACCESS_TOKEN`` and ``A55_API_URL``/``A55_AUTH_URL``. Every POST carries an idempotency key
/// (fresh, or ``idempotency_key=``, or derived from your own id with ``idempotency_from=``); a call
/// whose outcome is unknown raises :class:`UnknownOutcomeError` carrying the key to repeat it with.
#[pyclass(module = "a55", frozen)]
pub struct Client {
    inner: Facade,
    base_url: String,
}

fn build(mut config: ClientConfig, today: Option<&Bound<'_, PyAny>>) -> BindingResult<Client> {
    config.today = opt_date(today, "today")?;
    config.user_agent_suffix = Some(format!("python/{}", env!("CARGO_PKG_VERSION")));
    let base_url = config.base_url.clone();
    // Built inside the shared runtime, so the connection pool belongs to it.
    let inner = guard(|| {
        let rt = runtime()?;
        let _entered = rt.enter();
        Facade::new(config)
    })??;
    Ok(Client { inner, base_url })
}

impl Client {
    /// Runs a call without the GIL and wraps its result.
    fn call<T: Model + Send + 'static>(
        &self,
        py: Python<'_>,
        pending: Pending<T>,
    ) -> BindingResult<Response> {
        let result = py.detach(|| guard(|| block_on(pending)))???;
        Ok(Response::build(py, result)?)
    }
}

/// The `#[pymethods]` of [`Client`]: the methods that send a JSON payload with a POST share one
/// signature and body, written once here; the others follow verbatim.
macro_rules! client_methods {
    (
        payload: { $( $(#[$doc:meta])* fn $name:ident => $core:ident; )* }
        rest: { $($rest:tt)* }
    ) => {
        #[pymethods]
        impl Client {
            $(
                $(#[$doc])*
                #[pyo3(signature = (payload, *, idempotency_key=None, idempotency_from=None, timeout=None, deadline=None, max_retries=None))]
                #[allow(clippy::too_many_arguments)]
                fn $name(
                    &self,
                    py: Python<'_>,
                    payload: &Bound<'_, PyAny>,
                    idempotency_key: Option<String>,
                    idempotency_from: Option<String>,
                    timeout: Option<f64>,
                    deadline: Option<f64>,
                    max_retries: Option<u32>,
                ) -> BindingResult<Response> {
                    let body = to_json(payload)?;
                    let opts = CallOptions {
                        idempotency_key,
                        idempotency_from,
                        timeout,
                        deadline,
                        max_retries,
                    }
                    .core()?;
                    self.call(py, self.inner.$core(body, opts))
                }
            )*
            $($rest)*
        }
    };
}

client_methods! {
    payload: {
        /// Creates a wallet (``create_credentials=True`` returns its own client id and secret).
        fn create_wallet => create_wallet;
        /// Creates a card, boleto or other charge (A55's field names, as in its docs). Validated
        /// locally first: an invalid payload raises :class:`ValidationError` and sends nothing. A
        /// declined card is a result (``data["status"] == "error"``), not an exception.
        fn create_charge => create_charge;
        /// Creates a PIX charge; ``data["pix_payload"]`` holds the BR Code and its QR image.
        fn create_pix_charge => create_pix_charge;
        /// Creates a subscription: a card charge with a ``subscription`` object (``cycle``, optional
        /// ``end_date``); the answer is its first charge.
        fn create_subscription => create_subscription;
        /// Creates a hosted checkout session; send the payer to ``data["url"]``.
        fn create_checkout => create_checkout;
        /// Creates a payment link (a reusable hosted page).
        fn create_payment_link => create_payment_link;
    }
    rest: {
        /// A client for ``environment`` (``"core-manager"``, ``"production"`` or ``"sandbox"``);
        /// ``base_url`` and ``token_url`` override its URLs (an emulator, a proxy).
        #[new]
        #[pyo3(signature = (*, client_id=None, client_secret=None, access_token=None, environment="core-manager", base_url=None, token_url=None, timeout=None, deadline=None, max_retries=None, validate=true, today=None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            client_id: Option<String>,
            client_secret: Option<String>,
            access_token: Option<String>,
            environment: &str,
            base_url: Option<String>,
            token_url: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
            validate: bool,
            today: Option<&Bound<'_, PyAny>>,
        ) -> BindingResult<Client> {
            let env = Environment::parse(environment)?;
            let credentials = Credentials::from_parts(client_id, client_secret, access_token)?;
        let mut config = ClientConfig::for_environment(env, credentials);
            if let Some(url) = base_url {
                config.base_url = url;
            }
            if let Some(url) = token_url {
                config.token_url = url;
            }
            if let Some(t) = seconds(timeout, "timeout")? {
                config.timeout = t;
            }
            if let Some(d) = seconds(deadline, "deadline")? {
                config.deadline = d;
            }
            if let Some(n) = max_retries {
                config.max_retries = n;
            }
            config.validate = validate;
            build(config, today)
        }

        /// A client configured from the environment variables (see the class docs).
        #[staticmethod]
        #[pyo3(signature = (environment="core-manager", *, today=None))]
        fn from_env(environment: &str, today: Option<&Bound<'_, PyAny>>) -> BindingResult<Client> {
            let env = Environment::parse(environment)?;
            build(ClientConfig::from_env(env), today)
        }

        /// The API base URL.
        #[getter]
        fn base_url(&self) -> &str {
            &self.base_url
        }

        /// How many token requests this client has made.
        #[getter]
        fn token_requests(&self) -> u64 {
            self.inner.client().token_requests()
        }

        fn __repr__(&self) -> String {
            format!("Client(base_url={:?})", self.base_url)
        }

        /// Finds a wallet by id, email or customer id.
        #[pyo3(signature = (*, wallet_uuid=None, email=None, customer_id=None, currency=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn get_wallet(
            &self,
            py: Python<'_>,
            wallet_uuid: Option<String>,
            email: Option<String>,
            customer_id: Option<String>,
            currency: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let q = WalletQuery {
                wallet_uuid,
                email,
                customer_id,
                currency,
            };
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            self.call(py, self.inner.get_wallet(q, opts))
        }

        /// Reads a charge.
        #[pyo3(signature = (*, charge_uuid, wallet_uuid, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn get_charge(
            &self,
            py: Python<'_>,
            charge_uuid: String,
            wallet_uuid: String,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            let charge = ChargeRef { charge_uuid, wallet_uuid };
            self.call(py, self.inner.get_charge(charge, opts))
        }

        /// One page of a wallet's charges: ``data`` has ``data`` (the charges), ``page``, ``pages``.
        #[pyo3(signature = (*, wallet_uuid, page=None, limit=None, status=None, date_start=None, date_end=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn list_charges(
            &self,
            py: Python<'_>,
            wallet_uuid: String,
            page: Option<u32>,
            limit: Option<u32>,
            status: Option<String>,
            date_start: Option<String>,
            date_end: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let p = ListChargesParams {
                wallet_uuid,
                page,
                limit,
                status,
                date_start,
                date_end,
            };
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            self.call(py, self.inner.list_charges(p, opts))
        }

        /// Refunds a charge: the whole of it, or ``amount`` (a ``Decimal``, ``int`` or ``str``).
        #[pyo3(signature = (*, charge_uuid, wallet_uuid, amount=None, reason=None, idempotency_key=None, idempotency_from=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn refund_charge(
            &self,
            py: Python<'_>,
            charge_uuid: String,
            wallet_uuid: String,
            amount: Option<&Bound<'_, PyAny>>,
            reason: Option<String>,
            idempotency_key: Option<String>,
            idempotency_from: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let body = amount_body(amount, reason)?;
            let opts = CallOptions {
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
            }
            .core()?;
            let charge = ChargeRef { charge_uuid, wallet_uuid };
            self.call(py, self.inner.refund_charge(charge, body, opts))
        }

        /// Captures a charge created with ``capture=False``: the whole of it, or ``amount``.
        #[pyo3(signature = (*, charge_uuid, wallet_uuid, amount=None, idempotency_key=None, idempotency_from=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn capture_charge(
            &self,
            py: Python<'_>,
            charge_uuid: String,
            wallet_uuid: String,
            amount: Option<&Bound<'_, PyAny>>,
            idempotency_key: Option<String>,
            idempotency_from: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let body = amount_body(amount, None)?;
            let opts = CallOptions {
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
            }
            .core()?;
            let charge = ChargeRef { charge_uuid, wallet_uuid };
            self.call(py, self.inner.capture_charge(charge, body, opts))
        }

        /// Cancels a charge that is not paid yet.
        #[pyo3(signature = (*, charge_uuid, wallet_uuid, reason=None, idempotency_key=None, idempotency_from=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn cancel_charge(
            &self,
            py: Python<'_>,
            charge_uuid: String,
            wallet_uuid: String,
            reason: Option<String>,
            idempotency_key: Option<String>,
            idempotency_from: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let opts = CallOptions {
                idempotency_key,
                idempotency_from,
                timeout,
                deadline,
                max_retries,
            }
            .core()?;
            let charge = ChargeRef { charge_uuid, wallet_uuid };
            self.call(py, self.inner.cancel_charge(charge, reason, opts))
        }

        /// Polls a charge until it settles or ``max_wait`` seconds pass (default 60); ``timeout``,
        /// ``deadline`` and ``max_retries`` apply to each poll.
        #[pyo3(signature = (*, charge_uuid, wallet_uuid, max_wait=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn wait_for_charge(
            &self,
            py: Python<'_>,
            charge_uuid: String,
            wallet_uuid: String,
            max_wait: Option<f64>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let max_wait = seconds(max_wait, "max_wait")?;
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            let charge = ChargeRef { charge_uuid, wallet_uuid };
            self.call(py, self.inner.wait_for_charge(charge, opts, max_wait))
        }

        /// Reads a subscription.
        #[pyo3(signature = (*, subscription_uuid, wallet_uuid, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn get_subscription(
            &self,
            py: Python<'_>,
            subscription_uuid: String,
            wallet_uuid: String,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            let sub = SubscriptionRef { subscription_uuid, wallet_uuid };
            self.call(py, self.inner.get_subscription(sub, opts))
        }

        /// Cancels a subscription (a ``DELETE``: no idempotency key is sent).
        #[pyo3(signature = (*, subscription_uuid, wallet_uuid, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn cancel_subscription(
            &self,
            py: Python<'_>,
            subscription_uuid: String,
            wallet_uuid: String,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            let sub = SubscriptionRef { subscription_uuid, wallet_uuid };
            self.call(py, self.inner.cancel_subscription(sub, opts))
        }

        /// Pays a charge with a card, as a payer's browser would (no credentials needed): the flat
        /// body ``card_number``, ``card_name``, ``card_expiry_month``, ``card_expiry_year``,
        /// ``card_cvv``, optional ``payer_tax_id`` and ``device_info``.
        #[pyo3(signature = (payload, *, charge_uuid, idempotency_key=None, idempotency_from=None, timeout=None, deadline=None, max_retries=None))]
        #[allow(clippy::too_many_arguments)]
        fn pay_public_charge(
            &self,
            py: Python<'_>,
            payload: &Bound<'_, PyAny>,
            charge_uuid: String,
            idempotency_key: Option<String>,
            idempotency_from: Option<String>,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let body = to_json(payload)?;
            let opts = CallOptions { idempotency_key, idempotency_from, timeout, deadline, max_retries }.core()?;
            self.call(py, self.inner.pay_public_charge(charge_uuid, body, opts))
        }

        /// Reads a charge through the public endpoint (no credentials needed).
        #[pyo3(signature = (*, charge_uuid, timeout=None, deadline=None, max_retries=None))]
        fn get_public_charge(
            &self,
            py: Python<'_>,
            charge_uuid: String,
            timeout: Option<f64>,
            deadline: Option<f64>,
            max_retries: Option<u32>,
        ) -> BindingResult<Response> {
            let opts = CallOptions {
                timeout,
                deadline,
                max_retries,
                ..Default::default()
            }
            .core()?;
            self.call(py, self.inner.get_public_charge(charge_uuid, opts))
        }
    }
}

/// The masked `repr` of JSON data (`a55.Data.__repr__`): secrets, card data and tax ids hidden.
#[pyfunction]
pub fn _masked_repr(obj: &Bound<'_, PyAny>) -> BindingResult<String> {
    let value = to_json(obj)?;
    let masked = a55_core::logging::mask_body(&value);
    let py = obj.py();
    let plain = json_to_py(py, &masked.to_string(), None)?;
    Ok(plain.repr()?.to_string())
}

/// Registers the client classes.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Client>()?;
    m.add_class::<Response>()?;
    m.add_function(wrap_pyfunction!(_masked_repr, m)?)?;
    Ok(())
}
