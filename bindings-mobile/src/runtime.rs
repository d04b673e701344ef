//! Where the async exports run: every one is a task on core's shared tokio runtime
//! ([`a55_core::client::blocking::runtime`]), never on the thread that polls it.
//!
//! uniffi polls an async export from the host's side (a Kotlin dispatcher thread, a Swift
//! executor) and knows no tokio. [`async_exports!`] is the one way this crate declares async
//! exports: it writes the `#[uniffi::export] impl` block and wraps each body in [`on_core`], which
//! spawns it on core's runtime and awaits its handle. The host then only polls a join handle, and
//! dropping the call (a cancelled coroutine: uniffi frees the future) aborts the task. A test reads
//! this crate's sources and fails on an `async fn` written anywhere else, so the runtime cannot be
//! forgotten.

use std::future::Future;

use a55_core::client::blocking::runtime;
use a55_core::{Error, ErrorKind};

use crate::A55Error;

/// A task that is aborted when the call awaiting it is dropped.
struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Runs `work` as a task on core's runtime and waits for it. When the task cannot finish (it
/// panicked), the answer is `if_lost` — the unknown outcome of a write, which may have been
/// sent — or a configuration error saying so; a panic never crosses the FFI.
pub(crate) async fn on_core<T, F>(work: F, if_lost: Option<Error>) -> Result<T, A55Error>
where
    T: Send + 'static,
    F: Future<Output = Result<T, A55Error>> + Send + 'static,
{
    let rt = runtime()?;
    let mut task = AbortOnDrop(rt.spawn(work));
    match (&mut task.0).await {
        Ok(answer) => answer,
        Err(_) => Err(if_lost
            .unwrap_or_else(|| {
                Error::new(
                    ErrorKind::Configuration,
                    "the SDK's native call stopped before it ended (an internal failure)",
                )
            })
            .into()),
    }
}

/// Declares the async exports of an object: `async_exports! { Type { /// doc
/// fn name(self, arg: T) -> Result<U>, lost: { error } { body } } }`. Each becomes a `pub async fn` taking
/// `self: Arc<Self>` whose body runs on core's runtime through [`on_core`]; `lost` gives the error
/// answered if the task dies.
macro_rules! async_exports {
    ($ty:ident { $(
        $(#[$doc:meta])*
        fn $name:ident($this:ident $(, $arg:ident: $argty:ty)*) -> $out:ty,
            lost: $lost:block
            $body:block
    )* }) => {
        #[uniffi::export]
        impl $ty {
            $(
                $(#[$doc])*
                pub async fn $name($this: std::sync::Arc<Self> $(, $arg: $argty)*) -> $out {
                    let lost = $lost;
                    crate::runtime::on_core(async move $body, lost).await
                }
            )*
        }
    };
}

pub(crate) use async_exports;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    /// Every `async fn` of this crate is written by `async_exports!`: the literal text appears only
    /// in the macro's own definition above.
    #[test]
    fn every_async_export_runs_on_core_runtime() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let needle = ["async", "fn"].join(" ");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if code.contains(&needle) {
                    found.push(format!("{}:{}", path.display(), i + 1));
                }
            }
        }
        // The macro's `pub async fn $name` and `on_core`'s own definition.
        assert_eq!(found.len(), 2, "written outside async_exports!: {found:#?}");
        assert!(found.iter().all(|f| f.contains("runtime.rs")), "{found:#?}");
    }

    #[test]
    fn a_task_runs_on_core_runtime_and_a_panic_is_an_error() {
        let thread = a55_core::client::blocking::block_on(async {
            super::on_core(
                async { Ok(std::thread::current().name().map(str::to_string)) },
                None,
            )
            .await
        })
        .unwrap()
        .unwrap();
        assert_eq!(thread.as_deref(), Some("a55-sdk"));
        let lost = a55_core::Error::new(a55_core::ErrorKind::UnknownOutcome, "lost");
        let e = a55_core::client::blocking::block_on(async {
            super::on_core::<(), _>(
                async {
                    let v: Vec<u8> = Vec::new();
                    #[allow(clippy::indexing_slicing)]
                    let _ = v[1];
                    Ok(())
                },
                Some(lost),
            )
            .await
        })
        .unwrap()
        .unwrap_err();
        assert_eq!(e.kind(), "unknown_outcome");
    }
}
