//! The OpenAPI document the emulator serves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use serde_json::Value;

use common::{Emu, config};

#[tokio::test]
async fn serves_its_openapi_document() {
    let emu = Emu::start(config()).await;
    let doc: Value = emu
        .http
        .get(emu.url("/_emulator/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/oauth2/token",
        "/api/v1/bank/wallet/",
        "/api/v1/bank/wallet/charge/",
        "/api/v1/bank/wallet/charge/pix/",
        "/api/v1/bank/wallet/checkout/",
        "/api/v1/bank/public/charge/{charge_uuid}/pay",
        "/api/v1/bank/public/setup-authentication",
        "/device-data-collection",
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} missing from openapi.json"
        );
    }
}
