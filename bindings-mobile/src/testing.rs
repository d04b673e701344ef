//! The native half of the test kits (Kotlin's JUnit 5 extension, Swift's XCTest helper): the
//! emulator linked into this library and started on core's runtime inside the user's test process,
//! with the kit's options and defaults (`a55_emulator::kit`, docs/emulator.md).

use std::sync::{Arc, Mutex};

use a55_core::client::blocking::runtime;
use a55_core::{Error, ErrorKind};
use a55_emulator::{EmulatorHandle, kit};

use crate::Result;

/// A running emulator. Not public API: Kotlin's `A55Emulator` and Swift's `A55Emulator` wrap it.
#[derive(Debug, uniffi::Object)]
pub struct NativeEmulator {
    handle: Mutex<Option<EmulatorHandle>>,
    url: String,
    client_id: String,
    client_secret: String,
    webhook_secret: String,
}

fn config_error(message: String) -> Error {
    Error::new(
        ErrorKind::Configuration,
        format!("emulator options: {message}"),
    )
}

#[uniffi::export]
impl NativeEmulator {
    /// Starts an emulator on a loopback port with the kit's options (JSON text in the kit's names:
    /// `faults`, `seed`, `settle_delay_ms`, `rate_limit`, `today`, …).
    #[uniffi::constructor]
    pub fn start(options_json: Option<String>) -> Result<Arc<NativeEmulator>> {
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
        let handle = runtime()?
            .block_on(a55_emulator::start(config))
            .map_err(|e| config_error(format!("cannot listen: {e}")))?;
        Ok(Arc::new(NativeEmulator {
            url: handle.base_url.clone(),
            handle: Mutex::new(Some(handle)),
            client_id,
            client_secret,
            webhook_secret,
        }))
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The platform client id.
    pub fn client_id(&self) -> String {
        self.client_id.clone()
    }

    /// The platform client secret.
    pub fn client_secret(&self) -> String {
        self.client_secret.clone()
    }

    /// The secret webhooks are signed with.
    pub fn webhook_secret(&self) -> String {
        self.webhook_secret.clone()
    }

    /// Stops it and waits for its listener to close (again: nothing).
    pub fn stop(&self) -> Result<()> {
        let handle = self.handle.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(h) = handle {
            runtime()?.block_on(h.shutdown());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn starts_with_the_kit_defaults_and_refuses_unknown_options() {
        let emu = NativeEmulator::start(None).unwrap();
        assert!(emu.url().starts_with("http://127.0.0.1:"));
        assert_eq!(emu.client_id(), "emulator-client");
        emu.stop().unwrap();
        emu.stop().unwrap();
        let e = NativeEmulator::start(Some(r#"{"nope": 1}"#.into())).unwrap_err();
        assert_eq!(e.kind(), "configuration");
        assert!(e.to_string().contains("nope"), "{e}");
    }
}
