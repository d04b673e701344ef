//! Seed 001: a card charge in three installments of 150.00 (450.00 in all).
//!
//! Runs against A55 with your credentials, or against a local emulator:
//!
//! ```text
//! a55 emulator --port 8055 &
//! A55_API_URL=http://127.0.0.1:8055 A55_AUTH_URL=http://127.0.0.1:8055/oauth2/token \
//! A55_CLIENT_ID=emulator-client A55_CLIENT_SECRET=emulator-secret \
//!   cargo run -p a55-core --example seed_001_card_charge
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
    let charge = client
        .create_charge(
            json!({
                "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "merchant_id": "11111111-1111-1111-1111-111111111111",
                "payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com",
                "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
                "installment_value": 150.00, "installment_count": 3, "currency": "BRL",
                "due_date": format_date(due), "description": "Order #42 — 3 installments",
                "type_charge": "credit_card", "card_number": "4024007153763191",
                "card_name": "ZHANG WEI", "card_expiry_month": "12", "card_expiry_year": "2030",
                "card_cvv": "123", "capture": true,
                "payer_address": {"street": "Av. Paulista", "address_number": "1000",
                    "complement": "Sala 101", "neighborhood": "Bela Vista", "city": "São Paulo",
                    "state": "SP", "postal_code": "01310-100", "country": "BR"}
            }),
            &RequestOptions {
                idempotency_from: Some("ORDER-42".into()),
                ..Default::default()
            },
        )
        .await?;
    for warning in &charge.meta.warnings {
        println!("warning: {warning}");
    }
    let total = charge
        .data
        .local_currency
        .map(|d| d.to_string())
        .unwrap_or_default();
    println!(
        "charge {} is {} — {total} BRL in {} installments",
        charge.data.charge_uuid.as_deref().unwrap_or("?"),
        charge.data.status,
        charge.data.installments.len()
    );
    Ok(())
}
