//! asyncio awaitables on core's runtime (`pyo3-async-runtimes`' generic bridge).
//!
//! `pyo3_async_runtimes::tokio` keeps one `&'static` runtime for the life of the process; core's
//! runtime is rebuilt in a child after `fork()` (`a55_core::client::blocking::runtime`), so this
//! module gives the bridge a runtime that asks core for the current one on every spawn. A call is
//! one task on that runtime (no thread per call); cancelling the asyncio future drops the task.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use a55_core::client::blocking::runtime;
use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, Runtime};

/// Core's runtime, as the bridge sees it.
pub struct CoreRuntime;

tokio::task_local! {
    static TASK_LOCALS: std::cell::OnceCell<TaskLocals>;
}

/// A spawned task, or nothing when core's runtime could not start (the caller was told by
/// [`ensure_runtime`] before anything was spawned).
pub enum Join {
    /// The task.
    Task(tokio::task::JoinHandle<()>),
    /// Nothing was spawned.
    Nothing,
}

impl Future for Join {
    type Output = Result<(), tokio::task::JoinError>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Join::Task(handle) => Pin::new(handle).poll(cx),
            Join::Nothing => Poll::Ready(Ok(())),
        }
    }
}

impl Runtime for CoreRuntime {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = Join;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        match runtime() {
            Ok(rt) => Join::Task(rt.spawn(fut)),
            Err(_) => Join::Nothing,
        }
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        match runtime() {
            Ok(rt) => Join::Task(rt.spawn_blocking(f)),
            Err(_) => Join::Nothing,
        }
    }
}

impl ContextExt for CoreRuntime {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        let cell = std::cell::OnceCell::new();
        let _ = cell.set(locals);
        Box::pin(TASK_LOCALS.scope(cell, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS
            .try_with(|c| c.get().cloned())
            .unwrap_or_default()
    }
}

/// Starts core's runtime now, so that an error reaches the caller instead of a spawn.
pub fn ensure_runtime() -> Result<(), a55_core::Error> {
    runtime().map(|_| ())
}

/// An asyncio future of `fut`'s result, on the running event loop.
pub fn future<'py, F, T>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    ensure_runtime().map_err(|e| crate::error::to_py_err(py, e))?;
    pyo3_async_runtimes::generic::future_into_py::<CoreRuntime, F, T>(py, fut)
}
