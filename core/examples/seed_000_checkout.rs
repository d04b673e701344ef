//! Seed 000: a hosted checkout session the payer completes on A55's page.
//!
//! Runs against A55 with your credentials, or against a local emulator:
//!
//! ```text
//! a55 emulator --port 8055 &
//! A55_API_URL=http://127.0.0.1:8055 A55_AUTH_URL=http://127.0.0.1:8055/oauth2/token \
//! A55_CLIENT_ID=emulator-client A55_CLIENT_SECRET=emulator-secret \
//!   cargo run -p a55-core --example seed_000_checkout
//! ```
//!
//! Without `A55_API_URL` it talks to the `core-manager` environment (the seeds' host).
#![allow(clippy::print_stdout)]

use a55_core::client::{Client, ClientConfig, Environment, RequestOptions};
use a55_core::schedule::format_date;
use a55_core::validate::default_today;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), a55_core::Error> {
    let client = Client::new(ClientConfig::from_env(Environment::CoreManager))?;
    let due = default_today() + chrono::Days::new(30);
    let session = client
        .create_checkout(
            json!({
                "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "merchant_id": "11111111-1111-1111-1111-111111111111",
                "amount": 250.00, "currency": "BRL", "description": "Premium plan — monthly",
                "redirect_url": "https://your-app.com/payment/success",
                "cancel_url": "https://your-app.com/payment/cancel",
                "due_date": format_date(due), "payer_email": "zhangwei@example.com",
                "allowed_methods": ["credit_card", "pix"], "max_installments": 6,
                "webhook_url": "https://your-app.com/webhooks/a55",
                "reference_external_id": "ORDER-2048"
            }),
            &RequestOptions {
                idempotency_from: Some("ORDER-2048".into()),
                ..Default::default()
            },
        )
        .await?;
    println!(
        "checkout {} — send the payer to {}",
        session.data.checkout_uuid.as_deref().unwrap_or("?"),
        session.data.checkout_url.as_deref().unwrap_or("?")
    );
    Ok(())
}
