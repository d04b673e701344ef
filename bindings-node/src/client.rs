//! `A55Client`'s native half: core's facade, with each call a Promise settled from core's tokio
//! runtime (no worker thread per call; the event loop only parses the answer).
//!
//! Arguments cross as JSON text written by the wrapper (`lib/client.cjs`) in core's names
//! (`charge_uuid`, `timeout_ms`…); core reads and checks them ([`a55_core::client::calls`],
//! [`a55_core::client::settings`]). Every Promise resolves (never rejects) with JSON text:
//! `{"ok": {data, meta}}`, `{"error": {…core's error…}}`, or, for an aborted call,
//! `{"aborted": true, "error": …}` where the error is what core's rule says an abort reports
//! (`Cancel::cancel`): the unknown outcome of a write that had begun (with its idempotency key),
//! `null` when nothing can have changed (a read, or a call aborted before it began). The wrapper turns that into a
//! value or a thrown error of the right class.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use a55_core::client::blocking::runtime;
use a55_core::client::calls::{HostText, host_text, host_value_text};
use a55_core::client::facade::{Cancel, ChargePages, Ended, Facade, Operation, Pending};
use a55_core::client::{ClientConfig, RequestOptions};
use a55_core::{Error, IssueCode, RuleError};
use napi::bindgen_prelude::Object;
use napi::{Env, Result as NapiResult};
use napi_derive::napi;
use serde_json::{Value, json};

use crate::error::{JsError, payload, to_js};

/// Reads JSON text written by the wrapper.
fn read(text: Option<String>, field: &str) -> Result<Value, Error> {
    match text {
        None => Ok(Value::Null),
        Some(t) => serde_json::from_str(&t).map_err(|_| {
            RuleError::new(
                IssueCode::InvalidType,
                field,
                format!("{field} cannot be read as JSON"),
            )
            .into()
        }),
    }
}

fn error_text(e: &Error) -> String {
    json!({ "error": payload(e) }).to_string()
}

/// Calls whose caller gave an `AbortSignal`, by the id the wrapper chose.
type Aborts = Arc<Mutex<HashMap<u32, Cancel>>>;

/// A call's place in [`Aborts`], removed when dropped.
struct AbortEntry {
    aborts: Aborts,
    id: u32,
}

impl Drop for AbortEntry {
    fn drop(&mut self) {
        lock(&self.aborts).remove(&self.id);
    }
}

/// The native client. Not public API: use `A55Client`.
#[napi(js_name = "NativeClient")]
pub struct NativeClient {
    facade: Facade,
    aborts: Aborts,
}

#[napi]
impl NativeClient {
    /// A client from the settings object (JSON text, core's names).
    #[napi(constructor, catch_unwind)]
    pub fn new(settings_json: String) -> Result<NativeClient, JsError> {
        let settings = read(Some(settings_json), "settings").map_err(to_js)?;
        let config = ClientConfig::from_host(&settings).map_err(to_js)?;
        let rt = runtime().map_err(to_js)?;
        let _inside = rt.enter();
        Ok(NativeClient {
            facade: Facade::new(config).map_err(to_js)?,
            aborts: Arc::default(),
        })
    }

    /// Starts a call; the Promise resolves with JSON text (see the module's docs). `abort_id`,
    /// when given, lets [`NativeClient::abort`] end it.
    #[napi(catch_unwind, ts_return_type = "Promise<string>")]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        method: String,
        args_json: Option<String>,
        payload_json: Option<String>,
        options_json: Option<String>,
        abort_id: Option<u32>,
    ) -> NapiResult<Object<'env>> {
        let started = (|| -> Result<Pending<HostText>, Error> {
            let op: Operation = method.parse()?;
            let args = read(args_json, "args")?;
            let payload = payload_json.map(|p| read(Some(p), "payload")).transpose()?;
            let (opts, max_wait) = RequestOptions::from_host(&read(options_json, "options")?)?;
            Ok(self.facade.call(op, &args, payload, opts, max_wait))
        })();
        // Only a call that started can be aborted; its entry goes when the call's work ends or is
        // dropped unrun (no runtime, no promise), never left behind.
        let started = started.map(Pending::cancellable);
        let entry = match (&started, abort_id) {
            (Ok((_, cancel)), Some(id)) => {
                lock(&self.aborts).insert(id, cancel.clone());
                Some(AbortEntry {
                    aborts: self.aborts.clone(),
                    id,
                })
            }
            _ => None,
        };
        settle(env, async move {
            let run = match started {
                Ok((run, _)) => run,
                Err(e) => return error_text(&e),
            };
            let ended = run.await;
            drop(entry);
            match ended {
                Ended::Answered(r) => answer(r),
                // What an abort reports is core's rule (`Cancel::cancel`).
                Ended::Cancelled(e) => json!({
                    "aborted": true,
                    "error": e.as_ref().map(payload),
                })
                .to_string(),
            }
        })
    }

    /// Ends the call started with `abort_id` (nothing when it has ended already).
    #[napi(catch_unwind)]
    pub fn abort(&self, abort_id: u32) {
        // Taken out of the map before it is cancelled, so the map's lock is not held then.
        let cancel = lock(&self.aborts).remove(&abort_id);
        if let Some(cancel) = cancel {
            let _ = cancel.cancel();
        }
    }

    /// Every charge of a wallet, a page request at a time.
    #[napi(catch_unwind)]
    pub fn pager(
        &self,
        args_json: Option<String>,
        options_json: Option<String>,
    ) -> Result<NativePager, JsError> {
        let args = read(args_json, "args").map_err(to_js)?;
        let (opts, max_wait) =
            RequestOptions::from_host(&read(options_json, "options").map_err(to_js)?)
                .map_err(to_js)?;
        if max_wait.is_some() {
            return Err(to_js(RuleError::new(
                IssueCode::InvalidValue,
                "max_wait_ms",
                "list_all_charges does not take max_wait_ms",
            )));
        }
        Ok(NativePager {
            pages: self
                .facade
                .list_all_charges_from(&args, opts)
                .map_err(to_js)?,
        })
    }
}

/// The pager behind `listAllCharges`. Not public API.
#[napi(js_name = "NativePager")]
pub struct NativePager {
    pages: Arc<ChargePages>,
}

#[napi]
impl NativePager {
    /// The next charge as JSON text, `{"ok": null}` after the last one.
    #[napi(catch_unwind, ts_return_type = "Promise<string>")]
    pub fn next<'env>(&self, env: &'env Env) -> NapiResult<Object<'env>> {
        let pages = self.pages.clone();
        settle(env, async move {
            match pages.next().await {
                None => json!({ "ok": null }).to_string(),
                Some(Err(e)) => error_text(&e),
                Some(Ok(charge)) => match host_value_text(&charge) {
                    Ok(v) => ok_text(&v),
                    Err(e) => error_text(&e),
                },
            }
        })
    }
}

fn answer(r: Result<a55_core::client::Response<HostText>, Error>) -> String {
    match r.and_then(|r| host_text(&r)) {
        Ok(text) => ok_text(&text),
        Err(e) => error_text(&e),
    }
}

/// `{"ok": …}` around JSON text.
fn ok_text(json: &str) -> String {
    let mut s = String::with_capacity(json.len() + 7);
    s.push_str("{\"ok\":");
    s.push_str(json);
    s.push('}');
    s
}

fn lock(m: &Mutex<HashMap<u32, Cancel>>) -> std::sync::MutexGuard<'_, HashMap<u32, Cancel>> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A Promise settled with the text `work` ends with, run on core's runtime.
fn settle<'env, F>(env: &'env Env, work: F) -> NapiResult<Object<'env>>
where
    F: std::future::Future<Output = String> + Send + 'static,
{
    type Resolve = Box<dyn FnOnce(Env) -> NapiResult<String> + Send>;
    let (deferred, promise) = env.create_deferred::<String, Resolve>()?;
    let done = |text: String| -> Resolve { Box::new(move |_| Ok(text)) };
    match runtime() {
        Ok(rt) => {
            rt.spawn(async move {
                let text = work.await;
                deferred.resolve(done(text));
            });
        }
        Err(e) => deferred.resolve(done(error_text(&e))),
    }
    Ok(promise)
}
