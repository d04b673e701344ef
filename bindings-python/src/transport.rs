//! `a55._a55._Core`: core's facade for `a55.Client` and `a55.AsyncClient` (python/a55/_client.py).
//!
//! A method is named by its Rust name and its identifiers arrive as one dict: core reads them
//! (`Facade::call`), refuses an option the method does not honour and answers the typed model in
//! its host shape, which [`crate::typed`] turns into the model class. Blocking calls release the GIL
//! and, on the main thread, wake every 50 ms to let Python run its signal handlers: Ctrl-C ends the
//! call at once and the `KeyboardInterrupt` carries, as its `__cause__`, what core's rule says the
//! cancellation reports (`Cancel::cancel`): for a write that had begun, the unknown-outcome error
//! with the idempotency key.
//! Async calls are one task each on core's runtime ([`crate::aio`]).
//!
//! After `os.fork()` the child must not use the parent's connections (their tasks lived on the
//! parent's runtime threads, which the child does not have): the facade is kept with the process id
//! that built it and rebuilt, from the same configuration, in a child.

use std::future::Future;
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use a55_core::client::blocking::runtime;
use a55_core::client::facade::{Cancel, Cancellable, Ended, Facade, Operation, Pending};
use a55_core::client::{ClientConfig, Credentials, Environment, RequestOptions};
use a55_core::models::schema::response_model;
use a55_core::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde_json::Value;

use crate::convert::{opt_date, to_json};
use crate::error::{BindingError, BindingResult, guard, to_py_err};
use crate::response::Response;
use crate::typed;

/// An optional number of seconds, checked by core's rule.
fn seconds(value: Option<f64>, field: &str) -> BindingResult<Option<Duration>> {
    Ok(value
        .map(|s| a55_core::client::seconds(s, field))
        .transpose()?)
}

/// The thread that loaded the module: the one Python runs signal handlers on.
static MAIN_THREAD: PyOnceLock<std::thread::ThreadId> = PyOnceLock::new();

/// Remembers the main thread (called when the module loads).
pub fn remember_main_thread(py: Python<'_>) {
    let _ = MAIN_THREAD.get_or_init(py, || std::thread::current().id());
}

fn on_main_thread(py: Python<'_>) -> bool {
    MAIN_THREAD.get(py) == Some(&std::thread::current().id())
}

/// Runs `fut` on core's runtime without the GIL. On the main thread, Ctrl-C (or any signal
/// handler that raises) ends the call (`cancel`, when given, then the task) and raises, chained to
/// what `cancel` reports.
fn block<T: Send + 'static>(
    py: Python<'_>,
    fut: impl Future<Output = T> + Send + 'static,
    cancel: Option<Cancel>,
) -> BindingResult<T> {
    let rt = runtime()?;
    let (tx, rx) = mpsc::sync_channel(1);
    let task = rt.spawn(async move {
        let _ = tx.send(fut.await);
    });
    let watch = on_main_thread(py);
    let outcome: PyResult<Option<T>> = py.detach(move || {
        if !watch {
            return Ok(rx.recv().ok());
        }
        loop {
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(v) => return Ok(Some(v)),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    Python::attach(|py| py.check_signals())?;
                }
            }
        }
    });
    match outcome {
        Ok(Some(v)) => Ok(v),
        // The task ended without an answer: it panicked inside core.
        Ok(None) => Err(BindingError::Panic),
        Err(interrupt) => {
            let reported = cancel.and_then(|c| c.cancel());
            task.abort();
            if let Some(e) = reported {
                interrupt.set_cause(py, Some(to_py_err(py, e)));
            }
            Err(BindingError::Python(interrupt))
        }
    }
}

/// The per-call options, as core takes them.
#[allow(clippy::too_many_arguments)]
fn options(
    idempotency_key: Option<String>,
    idempotency_from: Option<String>,
    timeout: Option<f64>,
    deadline: Option<f64>,
    max_retries: Option<u32>,
    skip_validation: bool,
) -> BindingResult<RequestOptions> {
    Ok(RequestOptions {
        idempotency_key,
        idempotency_from,
        timeout: seconds(timeout, "timeout")?,
        deadline: seconds(deadline, "deadline")?,
        max_retries,
        skip_validation,
    })
}

fn operation(name: &str) -> BindingResult<Operation> {
    Operation::ALL
        .into_iter()
        .find(|op| op.name() == name)
        .ok_or_else(|| {
            BindingError::from(Error::new(
                ErrorKind::Configuration,
                format!("no method {name}"),
            ))
        })
}

/// The client's configuration and its facade, rebuilt in a forked child.
#[pyclass(module = "a55._a55", frozen, name = "_Core")]
pub struct Core {
    config: ClientConfig,
    facade: Mutex<(u32, Facade)>,
}

fn new_facade(config: &ClientConfig) -> BindingResult<Facade> {
    let config = config.clone();
    let facade = guard(move || {
        let rt = runtime()?;
        // Built inside the runtime, so that the connection pool belongs to it.
        let _entered = rt.enter();
        Facade::new(config)
    })??;
    Ok(facade)
}

fn build(
    py: Python<'_>,
    mut config: ClientConfig,
    today: Option<&Bound<'_, PyAny>>,
    allow_insecure_http: bool,
) -> BindingResult<Core> {
    crate::logs::install(py)?;
    config.today = opt_date(today, "today")?;
    config.allow_insecure_http = allow_insecure_http;
    config.user_agent_suffix = Some(format!("python/{}", env!("CARGO_PKG_VERSION")));
    let facade = new_facade(&config)?;
    Ok(Core {
        config,
        facade: Mutex::new((std::process::id(), facade)),
    })
}

/// Applies the transport settings every constructor takes.
fn settings(
    config: &mut ClientConfig,
    timeout: Option<f64>,
    deadline: Option<f64>,
    max_retries: Option<u32>,
    validate: bool,
    pacing: bool,
    shared_store: Option<String>,
) -> BindingResult<()> {
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
    config.pacing = pacing;
    if let Some(url) = shared_store {
        config.shared_store = Some(a55_core::redact::Secret::new(url));
    }
    Ok(())
}

impl Core {
    /// This process's facade (a new one after a fork).
    fn facade(&self) -> BindingResult<Facade> {
        let pid = std::process::id();
        let mut slot = self.facade.lock().unwrap_or_else(|p| p.into_inner());
        if slot.0 != pid {
            *slot = (pid, new_facade(&self.config)?);
        }
        Ok(slot.1.clone())
    }

    #[allow(clippy::too_many_arguments)]
    fn pending(
        &self,
        op: Operation,
        args: Option<&Bound<'_, PyAny>>,
        payload: Option<&Bound<'_, PyAny>>,
        opts: RequestOptions,
        max_wait: Option<f64>,
    ) -> BindingResult<Pending<Value>> {
        let args = match args {
            Some(a) if !a.is_none() => to_json(a)?,
            _ => Value::Null,
        };
        let payload = match payload {
            Some(p) if !p.is_none() => Some(to_json(p)?),
            _ => None,
        };
        let max_wait = seconds(max_wait, "max_wait")?;
        Ok(self.facade()?.call(op, &args, payload, opts, max_wait))
    }
}

#[pymethods]
impl Core {
    #[new]
    #[pyo3(signature = (*, client_id=None, client_secret=None, access_token=None, environment="core-manager", base_url=None, token_url=None, timeout=None, deadline=None, max_retries=None, validate=true, today=None, allow_insecure_http=false, pacing=true, shared_store=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
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
        allow_insecure_http: bool,
        pacing: bool,
        shared_store: Option<String>,
    ) -> BindingResult<Core> {
        let env = Environment::parse(environment)?;
        let credentials = Credentials::from_parts(client_id, client_secret, access_token)?;
        let mut config = ClientConfig::for_environment(env, credentials);
        if let Some(url) = base_url {
            config.base_url = url;
        }
        if let Some(url) = token_url {
            config.token_url = url;
        }
        settings(
            &mut config,
            timeout,
            deadline,
            max_retries,
            validate,
            pacing,
            shared_store,
        )?;
        build(py, config, today, allow_insecure_http)
    }

    /// A core configured from the environment variables.
    #[staticmethod]
    #[pyo3(signature = (environment="core-manager", *, timeout=None, deadline=None, max_retries=None, validate=true, today=None, allow_insecure_http=false, pacing=true, shared_store=None))]
    #[allow(clippy::too_many_arguments)]
    fn from_env(
        py: Python<'_>,
        environment: &str,
        timeout: Option<f64>,
        deadline: Option<f64>,
        max_retries: Option<u32>,
        validate: bool,
        today: Option<&Bound<'_, PyAny>>,
        allow_insecure_http: bool,
        pacing: bool,
        shared_store: Option<String>,
    ) -> BindingResult<Core> {
        let env = Environment::parse(environment)?;
        let mut config = ClientConfig::from_env(env);
        settings(
            &mut config,
            timeout,
            deadline,
            max_retries,
            validate,
            pacing,
            shared_store,
        )?;
        build(py, config, today, allow_insecure_http)
    }

    #[getter]
    fn base_url(&self) -> &str {
        &self.config.base_url
    }

    #[getter]
    fn token_requests(&self) -> BindingResult<u64> {
        Ok(self.facade()?.client().token_requests())
    }

    /// Runs a method and answers its `Response`, blocking without the GIL.
    #[pyo3(signature = (method, args, payload, idempotency_key, idempotency_from, timeout, deadline, max_retries, skip_validation, max_wait))]
    #[allow(clippy::too_many_arguments)]
    fn call(
        &self,
        py: Python<'_>,
        method: &str,
        args: Option<&Bound<'_, PyAny>>,
        payload: Option<&Bound<'_, PyAny>>,
        idempotency_key: Option<String>,
        idempotency_from: Option<String>,
        timeout: Option<f64>,
        deadline: Option<f64>,
        max_retries: Option<u32>,
        skip_validation: bool,
        max_wait: Option<f64>,
    ) -> BindingResult<Response> {
        let op = operation(method)?;
        let opts = options(
            idempotency_key,
            idempotency_from,
            timeout,
            deadline,
            max_retries,
            skip_validation,
        )?;
        let (run, cancel) = self
            .pending(op, args, payload, opts, max_wait)?
            .cancellable();
        let result = match block(py, run, Some(cancel))? {
            Ended::Answered(r) => r?,
            // Only `block` cancels, and it raises instead.
            Ended::Cancelled(e) => return Err(cancelled(e).into()),
        };
        Ok(Response::build(py, response_model(op), result)?)
    }

    /// Starts a method for an `await`: the call's idempotency key is known at once.
    #[pyo3(signature = (method, args, payload, idempotency_key, idempotency_from, timeout, deadline, max_retries, skip_validation, max_wait))]
    #[allow(clippy::too_many_arguments)]
    fn start(
        &self,
        method: &str,
        args: Option<&Bound<'_, PyAny>>,
        payload: Option<&Bound<'_, PyAny>>,
        idempotency_key: Option<String>,
        idempotency_from: Option<String>,
        timeout: Option<f64>,
        deadline: Option<f64>,
        max_retries: Option<u32>,
        skip_validation: bool,
        max_wait: Option<f64>,
    ) -> BindingResult<Call> {
        let op = operation(method)?;
        let opts = options(
            idempotency_key,
            idempotency_from,
            timeout,
            deadline,
            max_retries,
            skip_validation,
        )?;
        let (run, cancel) = self
            .pending(op, args, payload, opts, max_wait)?
            .cancellable();
        Ok(Call {
            model: response_model(op),
            run: Mutex::new(Some(run)),
            cancel,
        })
    }

    /// Every charge of a wallet, a page at a time (`list_all_charges`).
    #[pyo3(signature = (args, timeout, deadline, max_retries))]
    fn pages(
        &self,
        args: &Bound<'_, PyAny>,
        timeout: Option<f64>,
        deadline: Option<f64>,
        max_retries: Option<u32>,
    ) -> BindingResult<Pages> {
        let args = to_json(args)?;
        let opts = options(None, None, timeout, deadline, max_retries, false)?;
        let pages = self.facade()?.list_all_charges_from(&args, opts)?;
        Ok(Pages { inner: pages })
    }
}

/// The error of a call ended by its cancellation: what core's rule reports, or a plain one.
fn cancelled(reported: Option<Error>) -> Error {
    reported.unwrap_or_else(|| Error::new(ErrorKind::Configuration, "the call was cancelled"))
}

/// A call under way, for `AsyncClient`.
#[pyclass(module = "a55._a55", frozen, name = "_Call")]
pub struct Call {
    model: &'static str,
    run: Mutex<Option<Cancellable<Value>>>,
    cancel: Cancel,
}

/// A finished call, turned into its `Response` (or exception) with the GIL.
struct Finished(
    &'static str,
    Result<a55_core::client::Response<Value>, Error>,
);

impl<'py> IntoPyObject<'py> for Finished {
    type Target = Response;
    type Output = Bound<'py, Response>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        match self.1 {
            Ok(r) => Bound::new(py, Response::build(py, self.0, r)?),
            Err(e) => Err(to_py_err(py, e)),
        }
    }
}

#[pymethods]
impl Call {
    /// The idempotency key the call sends (`None` for reads).
    #[getter]
    fn idempotency_key(&self) -> Option<&str> {
        self.cancel.idempotency_key()
    }

    /// Ends the call (its asyncio task was cancelled) and answers what core's rule reports: the
    /// unknown-outcome error for a write that had begun, `None` when nothing can have changed.
    fn cancel(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.cancel
            .cancel()
            .map(|e| to_py_err(py, e).into_value(py).into_any())
    }

    /// The asyncio future of the call (once).
    fn future<'py>(&self, py: Python<'py>) -> BindingResult<Bound<'py, PyAny>> {
        let run = self
            .run
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .ok_or_else(|| {
                BindingError::from(Error::new(
                    ErrorKind::Configuration,
                    "the call was awaited already",
                ))
            })?;
        let model = self.model;
        Ok(crate::aio::future(py, async move {
            Ok(Finished(
                model,
                match run.await {
                    Ended::Answered(r) => r,
                    Ended::Cancelled(e) => Err(cancelled(e)),
                },
            ))
        })?)
    }
}

/// The pager of `list_all_charges`.
#[pyclass(module = "a55._a55", frozen, name = "_Pages")]
pub struct Pages {
    inner: std::sync::Arc<a55_core::client::facade::ChargePages>,
}

/// The next charge of a pager (or `None`), turned into a model with the GIL.
struct NextCharge(Option<Result<a55_core::models::Charge, Error>>);

impl<'py> IntoPyObject<'py> for NextCharge {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        match self.0 {
            None => Ok(py.None().into_bound(py)),
            Some(Err(e)) => Err(to_py_err(py, e)),
            Some(Ok(charge)) => {
                let value =
                    a55_core::client::calls::host_value(&charge).map_err(|e| to_py_err(py, e))?;
                typed::model(py, "Charge", &value)
            }
        }
    }
}

#[pymethods]
impl Pages {
    /// The next charge, `None` after the last (blocking without the GIL).
    fn next<'py>(&self, py: Python<'py>) -> BindingResult<Bound<'py, PyAny>> {
        let pages = self.inner.clone();
        let next = block(py, async move { pages.next().await }, None)?;
        Ok(NextCharge(next).into_pyobject(py)?)
    }

    /// An asyncio future of the next charge (`None` after the last).
    fn next_async<'py>(&self, py: Python<'py>) -> BindingResult<Bound<'py, PyAny>> {
        let pages = self.inner.clone();
        Ok(crate::aio::future(py, async move {
            Ok(NextCharge(pages.next().await))
        })?)
    }
}

/// Every method of the client surface, by its Rust name, with the per-call options core says it
/// honours (`Operation::honours`): the test of the Python signatures reads it.
#[pyfunction]
fn _methods() -> Vec<(&'static str, Vec<&'static str>)> {
    Operation::ALL
        .into_iter()
        .map(|op| (op.name(), op.honours().iter().map(|o| o.name()).collect()))
        .collect()
}

/// Registers the client classes.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    remember_main_thread(m.py());
    m.add_class::<Core>()?;
    m.add_class::<Call>()?;
    m.add_class::<Pages>()?;
    m.add_class::<Response>()?;
    m.add_class::<crate::response::Meta>()?;
    m.add_class::<crate::response::RateLimit>()?;
    m.add_function(wrap_pyfunction!(_methods, m)?)?;
    Ok(())
}
