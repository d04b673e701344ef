//! `a55._a55._EmulatorServer`: the A55 emulator (`a55-emulator`) linked into the extension and
//! served on its own small runtime, for `a55.testing` (python/a55/testing.py).
//!
//! Linked in, not shipped as a program inside the wheel: one file to build and load, no executable
//! bit or platform binary to find at run time, and the emulator's code shares the extension's copy
//! of tokio, hyper and core (a separate program would carry its own, several MB). Its own runtime
//! keeps it independent of the clients' runtime, which a test may fork or stress.

use std::sync::Mutex;
use std::time::Duration;

use a55_emulator::EmulatorHandle;
use pyo3::prelude::*;

use crate::convert::to_json;
use crate::error::{BindingError, BindingResult};

/// A running emulator.
#[pyclass(module = "a55._a55", frozen, name = "_EmulatorServer")]
pub struct EmulatorServer {
    running: Mutex<Option<(tokio::runtime::Runtime, EmulatorHandle)>>,
    base_url: String,
    client_id: String,
    client_secret: String,
    webhook_secret: String,
}

fn configuration_error(message: String) -> BindingError {
    BindingError::from(a55_core::Error::new(
        a55_core::ErrorKind::Configuration,
        message,
    ))
}

#[pymethods]
impl EmulatorServer {
    /// Starts an emulator on 127.0.0.1, configured from the kit's options (one dict, read by
    /// `a55_emulator::kit::config_from_options`, the same for every package).
    #[new]
    #[pyo3(signature = (options=None))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyAny>>) -> BindingResult<EmulatorServer> {
        let options = match options {
            Some(o) if !o.is_none() => to_json(o)?,
            _ => serde_json::Value::Null,
        };
        let config =
            a55_emulator::kit::config_from_options(&options).map_err(configuration_error)?;
        let (client_id, client_secret, webhook_secret) = (
            config.client_id.clone(),
            config.client_secret.clone(),
            config.webhook_secret.clone(),
        );
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("a55-emulator")
            .enable_all()
            .build()
            .map_err(|e| {
                configuration_error(format!("cannot start the emulator's runtime: {e}"))
            })?;
        let handle = py
            .detach(|| rt.block_on(a55_emulator::start(config)))
            .map_err(|e| configuration_error(format!("cannot start the emulator: {e}")))?;
        Ok(EmulatorServer {
            base_url: handle.base_url.clone(),
            running: Mutex::new(Some((rt, handle))),
            client_id,
            client_secret,
            webhook_secret,
        })
    }

    /// `http://127.0.0.1:PORT`.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The platform client id.
    #[getter]
    fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The platform client secret.
    #[getter]
    fn client_secret(&self) -> &str {
        &self.client_secret
    }

    /// The secret webhooks are signed with.
    #[getter]
    fn webhook_secret(&self) -> &str {
        &self.webhook_secret
    }

    /// Whether it still serves.
    #[getter]
    fn running(&self) -> bool {
        self.running.lock().map(|r| r.is_some()).unwrap_or(false)
    }

    /// Stops serving and ends its threads (idempotent).
    fn stop(&self, py: Python<'_>) {
        let running = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some((rt, handle)) = running {
            py.detach(|| {
                rt.block_on(handle.shutdown());
                rt.shutdown_timeout(Duration::from_secs(2));
            });
        }
    }
}

impl Drop for EmulatorServer {
    fn drop(&mut self) {
        let running = self.running.get_mut().map(Option::take).unwrap_or_default();
        if let Some((rt, handle)) = running {
            drop(handle);
            rt.shutdown_background();
        }
    }
}
