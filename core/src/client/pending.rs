//! [`Pending`]: a call under way, as the language packages hold it (its idempotency key fixed
//! before it starts, a panic inside it turned into an error), and [`Pending::cancellable`]: the
//! one rule for what cancelling it reports.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use crate::error::{Error, ErrorKind};

use super::Response;

type Boxed<T> = Pin<Box<dyn Future<Output = Result<Response<T>, Error>> + Send + 'static>>;

/// A call under way: a `Send + 'static` future whose idempotency key is known before it starts.
pub struct Pending<T> {
    idempotency_key: Option<String>,
    future: Boxed<T>,
}

impl<T: Send + 'static> Pending<T> {
    /// A call of `future`, which sends `idempotency_key` (`None` for reads and `DELETE`s).
    pub(crate) fn new(
        idempotency_key: Option<String>,
        future: impl Future<Output = Result<Response<T>, Error>> + Send + 'static,
    ) -> Pending<T> {
        Pending {
            idempotency_key,
            future: Box::pin(future),
        }
    }

    /// A call that fails with `e` when awaited, having sent nothing.
    pub fn failed(e: Error) -> Pending<T> {
        Pending {
            idempotency_key: None,
            future: Box::pin(async move { Err(e) }),
        }
    }

    /// The same call, its data turned by `f` (the key and the metadata are kept).
    pub fn map_data<U: Send + 'static>(
        self,
        f: impl FnOnce(T) -> Result<U, Error> + Send + 'static,
    ) -> Pending<U> {
        let future = self.future;
        Pending {
            idempotency_key: self.idempotency_key,
            future: Box::pin(async move {
                let r = future.await?;
                Ok(Response {
                    data: f(r.data)?,
                    meta: r.meta,
                })
            }),
        }
    }
    /// The key the call sends (`None` for reads and `DELETE`s).
    pub fn idempotency_key(&self) -> Option<&str> {
        self.idempotency_key.as_deref()
    }

    /// The error to report when the caller abandons the call before it ends: for a call that sends
    /// a key, an unknown outcome carrying it (the request may have been written); `None` for a
    /// read, which changes nothing.
    pub fn abandoned(&self) -> Option<Error> {
        self.idempotency_key.clone().map(abandoned)
    }

    /// The call as a future that a [`Cancel`] can end from elsewhere (a cancelled coroutine or
    /// Swift task, an aborted promise, Ctrl-C), with what the cancellation reports decided here
    /// once for every package: see [`Ended::Cancelled`].
    pub fn cancellable(self) -> (Cancellable<T>, Cancel) {
        let progress = Arc::new(Progress::default());
        let cancel = Cancel {
            progress: progress.clone(),
            idempotency_key: self.idempotency_key.clone(),
        };
        (
            Cancellable {
                pending: self,
                progress,
                begun: false,
            },
            cancel,
        )
    }
}

/// How a [`Cancellable`] call ended.
#[derive(Debug)]
pub enum Ended<T> {
    /// It ran to its answer or its error.
    Answered(Result<Response<T>, Error>),
    /// It was cancelled. `None` when nothing can have changed: a read, or a call cancelled before
    /// it was first polled (its request was never built, so never sent). For a write that had
    /// begun, the unknown outcome carrying its idempotency key ([`abandoned`]): its request may
    /// have been written.
    Cancelled(Option<Error>),
}

/// How far a cancellable call got.
#[derive(Debug, Default)]
struct Progress {
    state: AtomicU8,
    /// The task to wake when the call is cancelled after it began.
    waker: Mutex<Option<Waker>>,
}

const WAITING: u8 = 0;
const BEGUN: u8 = 1;
/// Cancelled before it began: it never will.
const CANCELLED_EARLY: u8 = 2;
/// Cancelled after it began.
const CANCELLED: u8 = 3;

impl Progress {
    fn waker(&self) -> std::sync::MutexGuard<'_, Option<Waker>> {
        self.waker.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A [`Pending`] call that its [`Cancel`] can end; see [`Pending::cancellable`].
pub struct Cancellable<T> {
    pending: Pending<T>,
    progress: Arc<Progress>,
    begun: bool,
}

impl<T> std::fmt::Debug for Cancellable<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cancellable")
            .field("pending", &self.pending)
            .field("begun", &self.begun)
            .finish_non_exhaustive()
    }
}

impl<T> Future for Cancellable<T> {
    type Output = Ended<T>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        if !this.begun {
            if this
                .progress
                .state
                .compare_exchange(WAITING, BEGUN, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                // Cancelled before it began: its request was never built.
                return Poll::Ready(Ended::Cancelled(None));
            }
            this.begun = true;
        }
        // The waker is stored before the state is read, and `Cancel::cancel` writes the state
        // before it takes the waker: a cancellation is never missed.
        {
            let mut waker = this.progress.waker();
            match waker.as_ref() {
                Some(w) if w.will_wake(cx.waker()) => {}
                _ => *waker = Some(cx.waker().clone()),
            }
        }
        if this.progress.state.load(Ordering::Acquire) == CANCELLED {
            return Poll::Ready(Ended::Cancelled(
                this.pending.idempotency_key.clone().map(abandoned),
            ));
        }
        Pin::new(&mut this.pending).poll(cx).map(Ended::Answered)
    }
}

/// Ends a [`Cancellable`] call from elsewhere.
#[derive(Debug, Clone)]
pub struct Cancel {
    progress: Arc<Progress>,
    idempotency_key: Option<String>,
}

impl Cancel {
    /// Ends the call, and answers what to report for it, as [`Ended::Cancelled`] does: `None` for
    /// a read or a call that had not begun (it never will), the unknown outcome carrying the key
    /// for a write that had begun — also when it had already ended, since its answer may never
    /// reach the caller. The call, when polled again, ends with [`Ended::Cancelled`].
    pub fn cancel(&self) -> Option<Error> {
        let state = &self.progress.state;
        match state.compare_exchange(
            WAITING,
            CANCELLED_EARLY,
            Ordering::AcqRel,
            Ordering::Acquire,
        ) {
            Ok(_) | Err(CANCELLED_EARLY) => return None,
            // Begun (or cancelled after it began): it stays so.
            Err(_) => state.store(CANCELLED, Ordering::Release),
        }
        // Woken after the lock is released.
        let waker = self.progress.waker().take();
        if let Some(w) = waker {
            w.wake();
        }
        self.idempotency_key.clone().map(abandoned)
    }

    /// The key the call sends (`None` for reads and `DELETE`s).
    pub fn idempotency_key(&self) -> Option<&str> {
        self.idempotency_key.as_deref()
    }
}

/// The unknown outcome of a write abandoned before its answer, carrying the key it sends (what
/// [`Pending::abandoned`] reports; a package that keeps only the key builds the same error).
pub fn abandoned(idempotency_key: String) -> Error {
    let mut e = Error::new(
        ErrorKind::UnknownOutcome,
        "the call was cancelled before an answer: it may have been processed; repeat it with the \
         same idempotency_key to get the original result",
    );
    e.idempotency_key = Some(idempotency_key);
    e
}

impl<T> Future for Pending<T> {
    type Output = Result<Response<T>, Error>;
    /// A panic inside the call (a defect of the SDK) ends it with an error instead of unwinding
    /// into the caller's runtime, where a host's promise or coroutine would wait for it forever:
    /// the unknown outcome of a write (it may have been sent), or an error saying nothing was
    /// changed for a read.
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let polled = std::panic::catch_unwind(AssertUnwindSafe(|| self.future.as_mut().poll(cx)));
        match polled {
            Ok(p) => p,
            Err(_) => {
                let e = internal(self.idempotency_key.clone());
                // Polled again, the call answers the same error, never the broken future.
                let again = e.clone();
                self.future = Box::pin(async move { Err(again) });
                Poll::Ready(Err(e))
            }
        }
    }
}

/// The error of a call ended by a panic inside the SDK.
fn internal(idempotency_key: Option<String>) -> Error {
    let mut e = match &idempotency_key {
        Some(_) => Error::new(
            ErrorKind::UnknownOutcome,
            "an internal error of the SDK ended the call: it may have been processed; repeat it \
             with the same idempotency_key to get the original result",
        ),
        None => Error::new(
            ErrorKind::Configuration,
            "an internal error of the SDK ended the call (a read: nothing was changed)",
        ),
    };
    e.idempotency_key = idempotency_key;
    e
}

impl<T> std::fmt::Debug for Pending<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("idempotency_key", &self.idempotency_key)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn panicking(key: Option<&str>) -> Pending<u32> {
        Pending::new(key.map(str::to_string), async { panic!("a defect") })
    }

    #[tokio::test]
    async fn a_panic_inside_a_call_is_an_error_not_an_unwind() {
        let mut write = panicking(Some("k1"));
        let e = (&mut write).await.unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownOutcome);
        assert_eq!(e.idempotency_key.as_deref(), Some("k1"));
        // Polled again, the same error.
        assert_eq!(write.await.unwrap_err().kind, ErrorKind::UnknownOutcome);
        let read = panicking(None).await.unwrap_err();
        assert_eq!(read.kind, ErrorKind::Configuration);
        assert!(
            read.message.contains("nothing was changed"),
            "{}",
            read.message
        );
        // Spawned, the task ends with the error rather than a JoinError.
        let joined = tokio::spawn(panicking(Some("k2"))).await.unwrap();
        assert_eq!(joined.unwrap_err().idempotency_key.as_deref(), Some("k2"));
    }

    /// A call that never ends, and a flag set when it is first polled (its request built).
    fn endless(key: Option<&str>) -> (Pending<u32>, Arc<std::sync::atomic::AtomicBool>) {
        let polled = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let seen = polled.clone();
        let call = Pending::new(key.map(str::to_string), async move {
            seen.store(true, Ordering::SeqCst);
            std::future::pending().await
        });
        (call, polled)
    }

    fn unknown_outcome_with(e: Option<Error>, key: &str) -> bool {
        e.is_some_and(|e| {
            e.kind == ErrorKind::UnknownOutcome && e.idempotency_key.as_deref() == Some(key)
        })
    }

    #[tokio::test]
    async fn a_call_cancelled_before_it_begins_is_plain_and_never_begins() {
        let (call, polled) = endless(Some("k1"));
        let (run, cancel) = call.cancellable();
        assert_eq!(cancel.idempotency_key(), Some("k1"));
        assert!(cancel.cancel().is_none(), "nothing was sent");
        let Ended::Cancelled(None) = run.await else {
            panic!("not a plain cancellation");
        };
        assert!(!polled.load(Ordering::SeqCst), "its request was built");
        // Cancelled again, the same answer.
        assert!(cancel.cancel().is_none());
    }

    #[tokio::test]
    async fn a_write_cancelled_after_it_began_is_an_unknown_outcome_and_ends_at_once() {
        let (call, polled) = endless(Some("k2"));
        let (run, cancel) = call.cancellable();
        let task = tokio::spawn(run);
        while !polled.load(Ordering::SeqCst) {
            tokio::task::yield_now().await;
        }
        assert!(unknown_outcome_with(cancel.cancel(), "k2"));
        // The task, parked on the endless call, is woken and ends with the same report.
        let Ended::Cancelled(e) = task.await.unwrap() else {
            panic!("not cancelled");
        };
        assert!(unknown_outcome_with(e, "k2"));
        assert!(unknown_outcome_with(cancel.cancel(), "k2"), "again");
    }

    #[tokio::test]
    async fn a_read_cancelled_after_it_began_is_plain() {
        let (call, polled) = endless(None);
        let (run, cancel) = call.cancellable();
        let task = tokio::spawn(run);
        while !polled.load(Ordering::SeqCst) {
            tokio::task::yield_now().await;
        }
        assert!(cancel.cancel().is_none());
        assert!(matches!(task.await.unwrap(), Ended::Cancelled(None)));
    }

    #[tokio::test]
    async fn a_write_that_ended_before_its_cancellation_may_have_changed_something() {
        let (run, cancel) = Pending::new(Some("k3".to_string()), async {
            Ok(Response {
                data: 7,
                meta: Default::default(),
            })
        })
        .cancellable();
        let Ended::Answered(Ok(r)) = run.await else {
            panic!("not answered");
        };
        assert_eq!(r.data, 7);
        // Its answer may not have reached the caller that cancels now.
        assert!(unknown_outcome_with(cancel.cancel(), "k3"));
    }
}
