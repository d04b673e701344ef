//! The JVM's direct call path: a client call in one crossing down and one up.
//!
//! uniffi's Kotlin glue reaches Rust through JNA structures: every call status and every buffer it
//! returns is a JNA `Memory`, registered in one process-wide map and freed later by JNA's cleaner
//! thread. A client call made of uniffi's async steps crossed the FFI about twelve times and
//! allocated about sixteen of them, and at 64 calls in flight more than half of the JVM's time went
//! there (BENCHMARKS.md, "The Kotlin client"). This path carries the same call — the same JSON text
//! in, the same answer text or [`A55Error`] out, read on the JVM by uniffi's own generated
//! converter — as plain bytes through four C functions, bound by JNA's direct mapping:
//!
//! - `a55_mobile_direct_open(native, done)` takes a handle from [`NativeClient::direct_handle`]
//!   and the function that receives the end of each of its calls, and answers the client's direct
//!   handle (each JVM client, so each class loader, has its own; nothing here is process-wide);
//! - `a55_mobile_direct_call(client, token, call, len, key, key_cap)` prepares the call
//!   ([`NativeClient::prepare`]: arguments, options, validation, the idempotency key), copies its
//!   idempotency key into `key` and returns the key's length (`-1` for a read, which sends none;
//!   [`NOT_STARTED`] when nothing will be answered), and runs it on core's runtime. Its end is
//!   `done(token, kind, data, len)`: [`ANSWER`] with the `{data, meta}` JSON text and the raw JSON
//!   apart ([`answer_bytes`]), or [`ERROR`] with the `A55Error` as uniffi writes it. `data` is
//!   valid only during `done`;
//! - `a55_mobile_direct_cancel(client, token)` ends a call under way (a cancelled coroutine):
//!   nothing is answered for it. What the JVM reports is core's rule ([`Cancel::cancel`]): it
//!   returns [`PLAIN`] for a read or a call whose task had not begun (its request was never
//!   built) and [`UNKNOWN_OUTCOME`] otherwise, when the JVM reports a write's unknown outcome from
//!   the key it was given ([`NativeClient::abandoned_call`]);
//! - `a55_mobile_direct_release(client)` releases the direct handle.
//!
//! Every rule stays in core, reached through the same [`NativeClient::prepare`] as uniffi's
//! `start`; each entry catches unwinding, so no panic crosses the FFI. Swift keeps uniffi's async
//! calls: its glue keeps call statuses on the stack and has no such cost.

#![allow(unsafe_code)]

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use a55_core::client::calls::host_text_parts;
use a55_core::client::facade::{Cancel, Ended};

use crate::client::NativeClient;
use crate::{A55Error, UniFfiTag};

/// `done(token, kind, data, len)`: the end of the call started with `token`.
pub type Done = extern "C" fn(token: i64, kind: i32, data: *const u8, len: i32);

/// `kind` of an answer: `data` is the `{data, meta}` JSON text and the raw JSON ([`answer_bytes`]).
pub const ANSWER: i32 = 0;
/// `kind` of a failure: `data` is the [`A55Error`] as uniffi writes it (the JVM reads it with
/// the generated `FfiConverterTypeA55Error`).
pub const ERROR: i32 = 1;
/// What `a55_mobile_direct_cancel` returns when the cancellation is plain: a read, or a call
/// whose task had not begun (nothing was sent).
pub const PLAIN: i32 = 0;
/// What `a55_mobile_direct_cancel` returns for a write that had begun, or had ended, or a call the
/// client does not know: its request may have reached the server.
pub const UNKNOWN_OUTCOME: i32 = 1;

/// What `a55_mobile_direct_call` returns when the call did not start (a null argument, or a
/// defect): nothing will be answered for it.
pub const NOT_STARTED: i32 = -2;

/// A client as the direct path holds it: where its calls' ends go, and its calls under way.
struct DirectClient {
    native: Arc<NativeClient>,
    done: Done,
    /// The calls under way by token, each with what ends it early.
    under_way: Mutex<HashMap<i64, Cancel>>,
}

impl DirectClient {
    fn under_way(&self) -> MutexGuard<'_, HashMap<i64, Cancel>> {
        self.under_way
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// One more reference to `client`, as the number the JVM passes to `a55_mobile_direct_open`.
pub(crate) fn handle(client: Arc<NativeClient>) -> u64 {
    Arc::into_raw(client) as usize as u64
}

/// The direct handle of a client; see the module's documentation. `0` when `native` is null.
///
/// # Safety
/// `native` is a handle from [`NativeClient::direct_handle`], which this takes over.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn a55_mobile_direct_open(native: u64, done: Done) -> u64 {
    if native == 0 {
        return 0;
    }
    catch_unwind(|| {
        // SAFETY: as the function's contract says.
        let native = unsafe { Arc::from_raw(native as usize as *const NativeClient) };
        let client = Arc::new(DirectClient {
            native,
            done,
            under_way: Mutex::default(),
        });
        Arc::into_raw(client) as usize as u64
    })
    .unwrap_or(0)
}

/// Releases a direct handle (calls still under way keep the client until they end).
///
/// # Safety
/// `client` is a handle from `a55_mobile_direct_open`, released once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn a55_mobile_direct_release(client: u64) {
    if client == 0 {
        return;
    }
    let _ = catch_unwind(|| {
        // SAFETY: as the function's contract says.
        drop(unsafe { Arc::from_raw(client as usize as *const DirectClient) });
    });
}

/// Starts a call; see the module's documentation.
///
/// # Safety
/// `client` is a live handle from `a55_mobile_direct_open`; `call` points at `len` readable bytes
/// and `key` (or null) at `key_cap` writable ones, both until this function returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn a55_mobile_direct_call(
    client: u64,
    token: i64,
    call: *const u8,
    len: i32,
    key: *mut u8,
    key_cap: i32,
) -> i32 {
    catch_unwind(AssertUnwindSafe(|| {
        let Ok(len) = usize::try_from(len) else {
            return NOT_STARTED;
        };
        if client == 0 || call.is_null() {
            return NOT_STARTED;
        }
        // SAFETY: as the function's contract says (the JVM holds the handle while its client
        // object is in use, and owns `call`'s bytes until this function returns). The task below
        // takes its own reference.
        let (client, text) = unsafe {
            let ptr = client as usize as *const DirectClient;
            Arc::increment_strong_count(ptr);
            (Arc::from_raw(ptr), std::slice::from_raw_parts(call, len))
        };
        let (run, cancel) = client.native.prepare(text).cancellable();
        let key_len = match cancel.idempotency_key() {
            None => -1,
            Some(k) => {
                let k = k.as_bytes();
                if !key.is_null() && k.len() <= usize::try_from(key_cap).unwrap_or(0) {
                    // SAFETY: `key` has room for `key_cap` bytes, at least `k.len()`.
                    unsafe { std::ptr::copy_nonoverlapping(k.as_ptr(), key, k.len()) };
                }
                i32::try_from(k.len()).unwrap_or(i32::MAX)
            }
        };
        let rt = match a55_core::client::blocking::runtime() {
            Ok(rt) => rt,
            Err(e) => {
                answer(client.done, token, Err(e.into()));
                return key_len;
            }
        };
        client.under_way().insert(token, cancel.clone());
        let end = Unreported {
            client,
            token,
            cancel,
            reported: Cell::new(false),
        };
        rt.spawn(async move {
            let ended = run.await;
            end.client.under_way().remove(&token);
            // A cancelled call is answered by nobody: the JVM reports what `cancel` answered.
            if let Ended::Answered(r) = ended {
                let parts = r.map_err(A55Error::from).and_then(|r| {
                    let (text, raw) = host_text_parts(&r)?;
                    Ok(answer_bytes(&text, &raw))
                });
                answer(end.client.done, token, parts);
            }
            end.reported.set(true);
        });
        key_len
    }))
    .unwrap_or(NOT_STARTED)
}

/// A call's task as it runs: if the task is dropped before the call's end is reported (a runtime
/// shutting down before it ran, a panic while writing the answer), the JVM is still answered, so
/// its coroutine never waits forever: the unknown outcome of a write that had begun, else an error
/// saying the call stopped.
struct Unreported {
    client: Arc<DirectClient>,
    token: i64,
    cancel: Cancel,
    reported: Cell<bool>,
}

impl Drop for Unreported {
    fn drop(&mut self) {
        if self.reported.get() {
            return;
        }
        self.client.under_way().remove(&self.token);
        let e = self.cancel.cancel().unwrap_or_else(|| {
            a55_core::Error::new(
                a55_core::ErrorKind::Configuration,
                "the SDK's native call stopped before it ended (an internal failure)",
            )
        });
        answer(self.client.done, self.token, Err(e.into()));
    }
}

/// Ends the call started with `token`, if it is under way: nothing is answered for it.
/// [`PLAIN`] for a read or a call whose task had not begun, [`UNKNOWN_OUTCOME`] otherwise (also
/// for a call that had ended, or that this client does not know).
///
/// # Safety
/// `client` is a live handle from `a55_mobile_direct_open`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn a55_mobile_direct_cancel(client: u64, token: i64) -> i32 {
    if client == 0 {
        return UNKNOWN_OUTCOME;
    }
    catch_unwind(|| {
        // SAFETY: as the function's contract says.
        let client = unsafe { &*(client as usize as *const DirectClient) };
        // Taken out of the map before it is cancelled, so the map's lock is not held then.
        let call = client.under_way().remove(&token);
        call.map_or(UNKNOWN_OUTCOME, |call| match call.cancel() {
            None => PLAIN,
            Some(_) => UNKNOWN_OUTCOME,
        })
    })
    .unwrap_or(UNKNOWN_OUTCOME)
}

/// An answer as [`ANSWER`] carries it: the length of the `{data, meta}` text (4 bytes, big-endian),
/// the text, then the raw JSON as received (`meta.raw_json`, which the JVM decodes when asked).
fn answer_bytes(text: &str, raw: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(4 + text.len() + raw.len());
    bytes.extend_from_slice(&u32::try_from(text.len()).unwrap_or(u32::MAX).to_be_bytes());
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(raw.as_bytes());
    bytes
}

fn answer(done: Done, token: i64, r: Result<Vec<u8>, A55Error>) {
    let (kind, bytes) = match r {
        Ok(bytes) => (ANSWER, bytes),
        Err(e) => {
            let mut buf = Vec::new();
            <A55Error as uniffi::Lower<UniFfiTag>>::write(e, &mut buf);
            (ERROR, buf)
        }
    };
    done(
        token,
        kind,
        bytes.as_ptr(),
        i32::try_from(bytes.len()).unwrap_or(i32::MAX),
    );
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use std::sync::{Condvar, LazyLock};
    use std::time::Duration;

    use super::*;

    type Ended = Mutex<HashMap<i64, (i32, Vec<u8>)>>;
    static ENDED: LazyLock<(Ended, Condvar)> = LazyLock::new(Default::default);

    extern "C" fn done(token: i64, kind: i32, data: *const u8, len: i32) {
        // SAFETY: `data` points at `len` bytes for the length of this call.
        let bytes = unsafe { std::slice::from_raw_parts(data, usize::try_from(len).unwrap()) };
        let (ended, cv) = &*ENDED;
        ended.lock().unwrap().insert(token, (kind, bytes.to_vec()));
        cv.notify_all();
    }

    /// A direct handle on a new client of `settings`, and the client.
    fn open(settings: String) -> (u64, Arc<NativeClient>) {
        let native = NativeClient::new(settings).unwrap();
        // SAFETY: a fresh handle, taken over by `open`.
        let client = unsafe { a55_mobile_direct_open(native.clone().direct_handle(), done) };
        assert_ne!(client, 0);
        (client, native)
    }

    fn open_at(base_url: &str) -> (u64, Arc<NativeClient>) {
        open(format!(
            r#"{{"access_token": "t", "base_url": "{base_url}"}}"#
        ))
    }

    /// Starts a call; its key's length and text.
    fn start(client: u64, token: i64, call: &str) -> (i32, String) {
        let mut key = [0u8; 64];
        // SAFETY: a live handle, and buffers of the lengths given.
        let n = unsafe {
            a55_mobile_direct_call(
                client,
                token,
                call.as_ptr(),
                i32::try_from(call.len()).unwrap(),
                key.as_mut_ptr(),
                64,
            )
        };
        let shown = usize::try_from(n).map_or(String::new(), |n| {
            String::from_utf8(key[..n].to_vec()).unwrap()
        });
        (n, shown)
    }

    fn ended(token: i64) -> (i32, Vec<u8>) {
        let (ended, cv) = &*ENDED;
        let (mut map, timeout) = cv
            .wait_timeout_while(ended.lock().unwrap(), Duration::from_secs(30), |m| {
                !m.contains_key(&token)
            })
            .unwrap();
        assert!(!timeout.timed_out(), "no answer for {token}");
        map.remove(&token).unwrap()
    }

    fn error(token: i64) -> A55Error {
        let (kind, bytes) = ended(token);
        assert_eq!(kind, ERROR);
        <A55Error as uniffi::Lift<UniFfiTag>>::try_read(&mut bytes.as_slice()).unwrap()
    }

    fn release(client: u64) {
        // SAFETY: each handle is released once, by the test that opened it.
        unsafe { a55_mobile_direct_release(client) };
    }

    #[test]
    fn a_task_dropped_before_it_reports_still_answers_the_jvm() {
        let (c, native) = open_at("http://127.0.0.1:9");
        // SAFETY: a live handle; one more reference, owned by the task below.
        let client = unsafe {
            let ptr = c as usize as *const DirectClient;
            Arc::increment_strong_count(ptr);
            Arc::from_raw(ptr)
        };
        let (_run, cancel) = native
            .prepare(br#"{"method": "get_wallet", "args": {"wallet_uuid": "w"}}"#)
            .cancellable();
        client.under_way().insert(20, cancel.clone());
        // A runtime shutting down drops the task before it runs: the JVM is answered anyway.
        drop(Unreported {
            client,
            token: 20,
            cancel,
            reported: Cell::new(false),
        });
        assert_eq!(error(20).kind(), "configuration");
        // SAFETY: the handle is alive until released below.
        assert!(
            !unsafe { &*(c as usize as *const DirectClient) }
                .under_way()
                .contains_key(&20)
        );
        release(c);
    }

    #[test]
    fn a_call_ends_with_its_answer_or_its_error_as_the_jvm_reads_them() {
        let (c, _) = open_at("http://127.0.0.1:9");
        // A mistake in the arguments: a validation error naming the field, nothing sent.
        let (n, _) = start(
            c,
            1,
            r#"{"method": "get_charge", "args": {"charge_uuid": "x"}}"#,
        );
        assert_eq!(n, -1);
        let A55Error::Validation { issues, .. } = error(1) else {
            panic!("not a validation error");
        };
        assert_eq!(issues[0].field, "wallet_uuid");
        assert_eq!(start(c, 2, "{").0, -1);
        assert_eq!(error(2).kind(), "validation");
        // A write hands its key over before anything is sent; here the server is unreachable.
        let (n, key) = start(
            c,
            3,
            r#"{"method": "create_wallet", "payload": {},
                "options": {"idempotency_key": "k-1", "skip_validation": true, "max_retries": 0}}"#,
        );
        assert_eq!((n, key.as_str()), (3, "k-1"));
        assert_eq!(error(3).kind(), "connection");
        // An answer: the host text, then the raw JSON as received.
        let emulator = crate::NativeEmulator::start(None).unwrap();
        let (served, _) = open(format!(
            r#"{{"client_id": "emulator-client", "client_secret": "emulator-secret", "base_url": "{0}", "token_url": "{0}/oauth2/token"}}"#,
            emulator.url()
        ));
        let (n, _) = start(
            served,
            4,
            r#"{"method": "get_wallet", "args": {"wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479"}}"#,
        );
        assert_eq!(n, -1);
        let (kind, bytes) = ended(4);
        assert_eq!(kind, ANSWER);
        let n = usize::try_from(u32::from_be_bytes(bytes[..4].try_into().unwrap())).unwrap();
        let answer: serde_json::Value = serde_json::from_slice(&bytes[4..4 + n]).unwrap();
        assert_eq!(answer["meta"]["status"], 200);
        let raw: serde_json::Value = serde_json::from_slice(&bytes[4 + n..]).unwrap();
        assert_eq!(raw["wallet_uuid"], answer["data"]["wallet_uuid"]);
        release(served);
        release(c);
    }

    #[test]
    fn a_cancelled_call_ends_without_an_answer_and_a_closed_client_refuses() {
        // A server that takes the connection and never answers: only cancelling ends the call.
        let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let (c, native) = open_at(&format!("http://{}", silent.local_addr().unwrap()));
        let (n, key) = start(
            c,
            10,
            r#"{"method": "create_wallet", "payload": {}, "options": {"skip_validation": true}}"#,
        );
        assert_eq!(usize::try_from(n).unwrap(), key.len());
        // The request is on its way once the server has the connection.
        let (_connection, _) = silent.accept().unwrap();
        // The same token on another client is another call: cancelling it there changes nothing.
        let (other, _) = open_at("http://127.0.0.1:9");
        // SAFETY: live handles.
        unsafe {
            assert_eq!(a55_mobile_direct_cancel(other, 10), UNKNOWN_OUTCOME);
            // SAFETY (reading the map): the handle is alive until released below.
            assert!(
                (*(c as usize as *const DirectClient))
                    .under_way()
                    .contains_key(&10)
            );
            // Begun: a write may have been sent. Cancelled again: unknown to the client now.
            assert_eq!(a55_mobile_direct_cancel(c, 10), UNKNOWN_OUTCOME);
            assert_eq!(a55_mobile_direct_cancel(c, 10), UNKNOWN_OUTCOME);
            assert!(
                !(*(c as usize as *const DirectClient))
                    .under_way()
                    .contains_key(&10)
            );
        }
        drop(silent);
        // The key given is the one the unknown outcome carries.
        let A55Error::UnknownOutcome {
            idempotency_key, ..
        } = native.abandoned_call(key.clone())
        else {
            panic!("not an unknown outcome");
        };
        assert_eq!(idempotency_key, Some(key));
        native.close_client();
        let (_, _) = start(
            c,
            11,
            r#"{"method": "get_wallet", "args": {"wallet_uuid": "w"}}"#,
        );
        assert_eq!(error(11).kind(), "configuration");
        assert!(!ENDED.0.lock().unwrap().contains_key(&10));
        // SAFETY: null handles are refused before anything is read.
        unsafe {
            let none = a55_mobile_direct_call(0, 12, std::ptr::null(), 0, std::ptr::null_mut(), 0);
            assert_eq!(none, NOT_STARTED);
            assert_eq!(a55_mobile_direct_open(0, done), 0);
        }
        release(other);
        release(c);
    }
}
