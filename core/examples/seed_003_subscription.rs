//! Seed 003: a monthly subscription, created with its first card charge.
//!
//! Runs against A55 with your credentials, or against a local emulator:
//!
//! ```text
//! a55 emulator --port 8055 &
//! A55_API_URL=http://127.0.0.1:8055 A55_AUTH_URL=http://127.0.0.1:8055/oauth2/token \
//! A55_CLIENT_ID=emulator-client A55_CLIENT_SECRET=emulator-secret \
//!   cargo run -p a55-core --example seed_003_subscription
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
    let end = due + chrono::Days::new(365);
    let first = client
        .create_subscription(
            json!({
                "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "merchant_id": "11111111-1111-1111-1111-111111111111",
                "payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com",
                "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
                "installment_value": 49.90, "installment_count": 1, "currency": "BRL",
                "due_date": format_date(due), "description": "Premium plan — monthly",
                "type_charge": "credit_card", "card_number": "4024007153763191",
                "card_name": "ZHANG WEI", "card_expiry_month": "12", "card_expiry_year": "2030",
                "card_cvv": "123",
                "subscription": {"cycle": "monthly", "end_date": format_date(end)},
                "payer_address": {"street": "Av. Paulista", "address_number": "1000",
                    "complement": "Sala 101", "neighborhood": "Bela Vista", "city": "São Paulo",
                    "state": "SP", "postal_code": "01310-100", "country": "BR"}
            }),
            &RequestOptions::default(),
        )
        .await?;
    let info = first.data.subscription.clone().unwrap_or_default();
    println!(
        "subscription {} — first charge {} is {}",
        info.subscription_uuid.as_deref().unwrap_or("?"),
        first.data.charge_uuid.as_deref().unwrap_or("?"),
        first.data.status
    );
    Ok(())
}
