//! `@a55/sdk/testing`'s native half: the emulator linked into this module, started on core's
//! runtime inside the user's test process (nothing else to install; see `docs/emulator.md`).

use a55_core::client::blocking::runtime;
use a55_core::{Error, ErrorKind};
use a55_emulator::{EmulatorHandle, kit};
use napi_derive::napi;

use crate::error::{JsError, to_js};

/// A running emulator. Not public API: use `startEmulator()` of `@a55/sdk/testing`.
#[napi(js_name = "NativeEmulator")]
pub struct NativeEmulator {
    handle: Option<EmulatorHandle>,
    client_id: String,
    client_secret: String,
    webhook_secret: String,
}

#[napi]
impl NativeEmulator {
    /// Starts an emulator on a loopback port with the kit's options (JSON text, core's names).
    #[napi(factory, catch_unwind)]
    pub fn start(options_json: Option<String>) -> Result<NativeEmulator, JsError> {
        let options = match options_json {
            Some(t) => serde_json::from_str(&t).map_err(|_| config_error("not JSON".into()))?,
            None => serde_json::Value::Null,
        };
        let config = kit::config_from_options(&options).map_err(config_error)?;
        let (client_id, client_secret, webhook_secret) = (
            config.client_id.clone(),
            config.client_secret.clone(),
            config.webhook_secret.clone(),
        );
        let rt = runtime().map_err(to_js)?;
        let handle = rt
            .block_on(a55_emulator::start(config))
            .map_err(|e| config_error(format!("cannot listen: {e}")))?;
        Ok(NativeEmulator {
            handle: Some(handle),
            client_id,
            client_secret,
            webhook_secret,
        })
    }

    /// `http://127.0.0.1:PORT` (empty once stopped).
    #[napi(getter)]
    pub fn url(&self) -> String {
        self.handle
            .as_ref()
            .map(|h| h.base_url.clone())
            .unwrap_or_default()
    }

    /// The platform client id.
    #[napi(getter)]
    pub fn client_id(&self) -> String {
        self.client_id.clone()
    }

    /// The platform client secret.
    #[napi(getter)]
    pub fn client_secret(&self) -> String {
        self.client_secret.clone()
    }

    /// The secret webhooks are signed with.
    #[napi(getter)]
    pub fn webhook_secret(&self) -> String {
        self.webhook_secret.clone()
    }

    /// Stops it (again: nothing).
    #[napi(catch_unwind)]
    pub fn stop(&mut self) -> Result<(), JsError> {
        if let Some(h) = self.handle.take() {
            let rt = runtime().map_err(to_js)?;
            rt.block_on(h.shutdown());
        }
        Ok(())
    }
}

fn config_error(message: String) -> JsError {
    to_js(Error::new(
        ErrorKind::Configuration,
        format!("emulator options: {message}"),
    ))
}
