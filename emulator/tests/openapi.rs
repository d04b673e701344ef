//! The OpenAPI document: the committed `openapi.json` is the one the route table makes, and the
//! emulator serves it at `/openapi.json` and `/_emulator/openapi.json`.
//!
//! After changing a route or a body, rewrite the committed file with
//! `UPDATE_OPENAPI=1 cargo test -p a55-emulator --test openapi`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::path::Path;

use serde_json::Value;

use common::{Emu, config};

fn committed() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json")
}

#[test]
fn the_committed_document_is_the_generated_one() {
    let generated = a55_emulator::openapi_json();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(committed(), &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(committed()).unwrap();
    assert!(
        on_disk == generated,
        "emulator/openapi.json is not the generated document: run \
         UPDATE_OPENAPI=1 cargo test -p a55-emulator --test openapi"
    );
}

#[test]
fn every_operation_describes_its_parameters_and_answers() {
    let doc: Value = serde_json::from_str(&a55_emulator::openapi_json()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut ids = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let declared: Vec<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n))
            .collect();
        for (method, op) in item.as_object().unwrap() {
            assert!(ids.insert(op["operationId"].as_str().unwrap().to_string()));
            let params: Vec<&str> = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(params, declared, "{method} {path}");
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2') || s == "303"),
                "{method} {path}"
            );
            for (status, r) in responses {
                assert!(
                    r["headers"]["X-Request-Id"].is_object(),
                    "{method} {path} {status}"
                );
            }
        }
    }
    // Each error body shape of the contract is a component.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for shape in [
        "ChargeError",
        "WalletError",
        "AuthError",
        "PlainError",
        "RateLimitError",
    ] {
        assert!(schemas.contains_key(shape), "{shape}");
    }
    // Amounts are JSON numbers on the wire.
    assert_eq!(schemas["Amount"]["type"], "number");
    assert_eq!(
        schemas["ChargeAnswer"]["properties"]["local_currency"]["anyOf"][0]["$ref"],
        "#/components/schemas/Amount"
    );
    // No `default` keyword: a model's Rust default is not a value the server takes.
    assert!(!a55_emulator::openapi_json().contains("\"default\""));
    for path in [
        "/api/v1/bank/public/setup-authentication",
        "/device-data-collection",
        "/checkout/{id}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
    let token = &doc["paths"]["/oauth2/token"]["post"];
    assert!(token["requestBody"]["content"]["application/x-www-form-urlencoded"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn serves_its_openapi_document() {
    let emu = Emu::start(config()).await;
    for path in ["/openapi.json", "/_emulator/openapi.json"] {
        let res = emu.http.get(emu.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "application/json");
        assert_eq!(res.text().await.unwrap(), a55_emulator::openapi_json());
    }
}
