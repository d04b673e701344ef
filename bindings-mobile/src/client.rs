//! The native half of the Kotlin and Swift `A55Client`: core's facade, called by name with JSON
//! arguments ([`a55_core::client::calls`]).
//!
//! The host packages write a method's identifiers, payload and options as JSON text in core's names
//! (`charge_uuid`, `timeout_ms`…, see [`crate::host_json`] for numbers) and read the answer,
//! `{data, meta}` in the host shape ([`a55_core::client::calls::host_text`]), into their generated
//! model classes. Every rule — which names a method takes, which options it honours, validation,
//! retries, idempotency, decoding — is core's.
//!
//! A call is made in two steps so that its idempotency key is known before anything is sent:
//! [`NativeClient::start`] fixes it ([`NativeCall::idempotency_key`]),
//! then [`NativeCall::finish`] runs the call on core's runtime. A cancelled Kotlin coroutine frees
//! the `finish` future, which aborts the task; a cancelled Swift task calls
//! [`NativeCall::cancel`]. Either way what is reported is core's rule ([`Ended::Cancelled`]): a
//! write that may have been sent is the unknown outcome carrying its key.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use a55_core::client::calls::{HostText, host_text, host_value_text};
use a55_core::client::facade::{
    Cancel, Cancellable, ChargePages, Ended, Facade, Operation, Pending, abandoned,
};
use a55_core::client::{ClientConfig, RequestOptions};
use a55_core::codes::IssueCode;
use a55_core::{Error, RuleError};
use serde_json::Value;

use crate::runtime::async_exports;
use crate::{A55Error, Result, host_json};

/// A client: one per process (it pools connections and shares one token). Not public API: the
/// Kotlin and Swift packages wrap it in `A55Client`.
#[derive(Debug, uniffi::Object)]
pub struct NativeClient {
    facade: Facade,
    closed: AtomicBool,
}

fn closed_error() -> Error {
    Error::new(a55_core::ErrorKind::Configuration, "the client is closed")
}

#[uniffi::export]
impl NativeClient {
    /// A client from the settings object (JSON text in core's names, see
    /// `a55_core::client::settings`). An idle client wakes nothing: the timer heartbeat that a
    /// server would want is off (`ClientConfig::timer_heartbeat`).
    #[uniffi::constructor]
    pub fn new(settings_json: String) -> Result<Arc<NativeClient>> {
        let settings = host_json::read(Some(&settings_json), "settings")?;
        let mut config = ClientConfig::from_host(&settings)?;
        config.timer_heartbeat = false;
        // Built inside core's runtime, so its connection pool belongs there.
        let rt = a55_core::client::blocking::runtime()?;
        let _inside = rt.enter();
        Ok(Arc::new(NativeClient {
            facade: Facade::new(config)?,
            closed: AtomicBool::new(false),
        }))
    }

    /// Prepares a call: `call_json` is one JSON object, `{"method": "create_charge", "args": {…},
    /// "payload": {…}, "options": {…}}` (`args`, `payload` and `options` may be `null` or left
    /// out; one text, so a call crosses the FFI with one buffer). Reads the method's arguments and
    /// options and fixes its idempotency key. Nothing is sent until [`NativeCall::finish`]; a
    /// mistake in the arguments is answered there.
    pub fn start(&self, call_json: String) -> Arc<NativeCall> {
        let (run, cancel) = self.prepare(call_json.as_bytes()).cancellable();
        Arc::new(NativeCall {
            run: Mutex::new(Some(run)),
            cancel,
        })
    }

    /// The unknown outcome of a write given up before its answer, carrying `idempotency_key` (the
    /// key [`crate::direct`] handed over when the call started): the JVM client throws it when a
    /// coroutine is cancelled.
    pub fn abandoned_call(&self, idempotency_key: String) -> A55Error {
        abandoned(idempotency_key).into()
    }

    /// A handle for [`crate::direct`]: one more reference to this client, which
    /// `a55_mobile_direct_open` takes over.
    pub fn direct_handle(self: Arc<Self>) -> u64 {
        crate::direct::handle(self)
    }
    /// Every charge of a wallet, a page request at a time (`args` as `list_charges` takes them,
    /// `page` where it starts).
    pub fn pager(
        &self,
        args_json: Option<String>,
        options_json: Option<String>,
    ) -> Result<Arc<NativePager>> {
        if self.closed.load(Ordering::Acquire) {
            return Err(closed_error().into());
        }
        let args = host_json::read(args_json.as_deref(), "args")?;
        let (opts, max_wait) =
            RequestOptions::from_host(&host_json::read(options_json.as_deref(), "options")?)?;
        if max_wait.is_some() {
            return Err(RuleError::new(
                IssueCode::InvalidValue,
                "max_wait_ms",
                "list_all_charges does not take max_wait_ms",
            )
            .into());
        }
        Ok(Arc::new(NativePager {
            pages: self.facade.list_all_charges_from(&args, opts)?,
        }))
    }

    /// Closes the client: later calls fail with a configuration error; calls under way finish.
    pub fn close_client(&self) {
        self.closed.store(true, Ordering::Release);
    }
}

impl NativeClient {
    /// A call from its JSON text (`{"method", "args", "payload", "options"}`): its arguments and
    /// options read and its idempotency key fixed; a mistake is the call's error when awaited.
    pub(crate) fn prepare(&self, call_json: &[u8]) -> Pending<HostText> {
        (|| -> std::result::Result<Pending<HostText>, Error> {
            if self.closed.load(Ordering::Acquire) {
                return Err(closed_error());
            }
            let mut call = match host_json::parse(call_json, "call")? {
                Value::Object(call) => call,
                _ => {
                    return Err(RuleError::new(
                        IssueCode::InvalidType,
                        "call",
                        "call must be a JSON object",
                    )
                    .into());
                }
            };
            let op: Operation = match call.remove("method") {
                Some(Value::String(m)) => m.parse()?,
                _ => {
                    return Err(RuleError::new(
                        IssueCode::RequiredField,
                        "method",
                        "method is required (a method's name)",
                    )
                    .into());
                }
            };
            let mut part = |name: &str| host_json::resolved(call.remove(name).unwrap_or_default());
            let args = part("args")?;
            let payload = match part("payload")? {
                Value::Null => None,
                p => Some(p),
            };
            let (opts, max_wait) = RequestOptions::from_host(&part("options")?)?;
            Ok(self.facade.call(op, &args, payload, opts, max_wait))
        })()
        .unwrap_or_else(Pending::failed)
    }
}

/// One call, prepared by [`NativeClient::start`]. Not public API. What its cancellation reports
/// is core's rule ([`Ended::Cancelled`]).
#[derive(Debug, uniffi::Object)]
pub struct NativeCall {
    run: Mutex<Option<Cancellable<HostText>>>,
    cancel: Cancel,
}

#[uniffi::export]
impl NativeCall {
    /// The idempotency key the call sends (`None` for reads and `DELETE`s).
    pub fn idempotency_key(&self) -> Option<String> {
        self.cancel.idempotency_key().map(str::to_string)
    }

    /// Ends the call now (a cancelled Swift task): `finish` answers `None` for a read, and for a
    /// write cancelled before `finish` began (nothing was sent); the unknown outcome for a write
    /// under way.
    pub fn cancel(&self) {
        let _ = self.cancel.cancel();
    }
}

async_exports! { NativeCall {
    /// Runs the call: `{data, meta}` as JSON text in the host shape, the call's error, or `None`
    /// when [`NativeCall::cancel`] ended a read, or a write before it began. A second `finish` is a
    /// configuration error.
    fn finish(self) -> Result<Option<String>>,
        lost: { self.cancel.idempotency_key().map(|k| abandoned(k.to_string())) }
        {
            let taken = self.run.lock().unwrap_or_else(|p| p.into_inner()).take();
            let Some(run) = taken else {
                return Err(Error::new(
                    a55_core::ErrorKind::Configuration,
                    "this call has been run already",
                )
                .into());
            };
            match run.await {
                Ended::Answered(Ok(r)) => Ok(Some(host_text(&r)?)),
                Ended::Answered(Err(e)) | Ended::Cancelled(Some(e)) => Err(e.into()),
                Ended::Cancelled(None) => Ok(None),
            }
        }
} }

/// The pager behind `listAllCharges`. Not public API.
#[derive(Debug, uniffi::Object)]
pub struct NativePager {
    pages: Arc<ChargePages>,
}

async_exports! { NativePager {
    /// The next charge as JSON text in the host shape, `None` after the last one.
    fn next(self) -> Result<Option<String>>,
        lost: { None }
        {
            match self.pages.next().await {
                None => Ok(None),
                Some(Err(e)) => Err(e.into()),
                Some(Ok(charge)) => Ok(Some(host_value_text(&charge)?)),
            }
        }
} }

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn client() -> Arc<NativeClient> {
        NativeClient::new(r#"{"access_token": "t", "base_url": "http://127.0.0.1:9"}"#.into())
            .unwrap()
    }

    fn finish(call: Arc<NativeCall>) -> Result<Option<String>> {
        a55_core::client::blocking::block_on(call.finish()).unwrap()
    }

    #[test]
    fn bad_arguments_are_named_and_nothing_is_sent() {
        let c = client();
        let call = c.start(r#"{"method": "getCharge", "args": {"charge_uuid": "x"}}"#.into());
        assert!(call.idempotency_key().is_none());
        let A55Error::Validation { issues, .. } = finish(call).unwrap_err() else {
            panic!("not a validation error");
        };
        assert_eq!(issues[0].field, "wallet_uuid");
        let e = finish(c.start(r#"{"method": "nope"}"#.into())).unwrap_err();
        assert_eq!(e.kind(), "validation");
        for bad in ["{", "[]", r#"{"args": {}}"#, r#"{"method": 5}"#] {
            let e = finish(c.start(bad.into())).unwrap_err();
            assert_eq!(e.kind(), "validation", "{bad}");
        }
        let e = finish(c.start(
            r#"{"method": "create_charge", "payload": {"installment_value": {"\u0000float": "NaN"}}}"#
                .into(),
        ))
        .unwrap_err();
        let A55Error::Validation { issues, .. } = e else {
            panic!("not a validation error");
        };
        // The field is named within the payload, not within the call's envelope.
        assert_eq!(issues[0].field, "installment_value");
        let e = NativeClient::new(r#"{"timeout_ms": -1}"#.into()).unwrap_err();
        assert_eq!(e.kind(), "validation");
    }

    #[test]
    fn a_cancelled_write_under_way_is_an_unknown_outcome_with_its_key_and_otherwise_quiet() {
        let c = client();
        let wallet = r#"{"method": "create_wallet", "payload": {},
            "options": {"idempotency_key": "k-1", "skip_validation": true}}"#;
        // Cancelled before it began: nothing was sent, the cancellation is quiet.
        let early = c.start(wallet.into());
        assert_eq!(early.idempotency_key().as_deref(), Some("k-1"));
        early.cancel();
        assert_eq!(finish(early.clone()).unwrap(), None);
        assert_eq!(finish(early).unwrap_err().kind(), "configuration");
        let read = c.start(r#"{"method": "get_wallet", "args": {"wallet_uuid": "w"}}"#.into());
        read.cancel();
        assert_eq!(finish(read).unwrap(), None);
        // Under way (the server has the connection and never answers): the unknown outcome.
        let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let c = NativeClient::new(format!(
            r#"{{"access_token": "t", "base_url": "http://{}"}}"#,
            silent.local_addr().unwrap()
        ))
        .unwrap();
        let write = c.start(wallet.into());
        let running = std::thread::spawn({
            let write = write.clone();
            move || finish(write)
        });
        let (_connection, _) = silent.accept().unwrap();
        write.cancel();
        let e = running.join().unwrap().unwrap_err();
        assert!(
            matches!(e, A55Error::UnknownOutcome { idempotency_key: Some(ref k), .. } if k == "k-1"),
            "{e:?}"
        );
    }
}
