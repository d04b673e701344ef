//! Seed 004: a BRL wallet with its own API credentials. Creating it a second time for the same
//! merchant and currency is a conflict (HTTP 409).
//!
//! Runs against A55 with your credentials, or against a local emulator:
//!
//! ```text
//! a55 emulator --port 8055 &
//! A55_API_URL=http://127.0.0.1:8055 A55_AUTH_URL=http://127.0.0.1:8055/oauth2/token \
//! A55_CLIENT_ID=emulator-client A55_CLIENT_SECRET=emulator-secret \
//!   cargo run -p a55-core --example seed_004_wallet
//! ```
//!
//! Without `A55_API_URL` it talks to the `core-manager` environment (the seeds' host).
#![allow(clippy::print_stdout)]

use a55_core::ErrorKind;
use a55_core::client::{Client, ClientConfig, Environment, RequestOptions};
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), a55_core::Error> {
    let client = Client::new(ClientConfig::from_env(Environment::CoreManager))?;
    let payload = json!({
        "entity_uuid": "550e8400-e29b-41d4-a716-446655440000",
        "customer_id": "cust_12345", "currency": "BRL", "name": "São Paulo store — BRL",
        "email": "financeiro@loja-sp.com.br", "create_credentials": true,
        "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
    });
    match client
        .create_wallet(&payload, &RequestOptions::default())
        .await
    {
        Ok(wallet) => println!(
            "wallet {} created, with its own client id {}",
            wallet.data.wallet_uuid.as_deref().unwrap_or("?"),
            wallet
                .data
                .credentials
                .as_ref()
                .and_then(|c| c.client_id.as_deref())
                .unwrap_or("?")
        ),
        Err(e) if e.kind == ErrorKind::Conflict => println!("the wallet exists already: {e}"),
        Err(e) => return Err(e),
    }
    Ok(())
}
