//! [`Pending`]: a call under way, as the language packages hold it (its idempotency key fixed
//! before it starts, a panic inside it turned into an error).

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};

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
}
