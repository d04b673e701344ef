//! Seed 002: a PIX charge answered with a BR Code. The seed's own CPF (111.222.333-44) has wrong
//! check digits, which local validation reports before anything is sent; a valid CPF is then used.
//!
//! Runs against A55 with your credentials, or against a local emulator:
//!
//! ```text
//! a55 emulator --port 8055 &
//! A55_API_URL=http://127.0.0.1:8055 A55_AUTH_URL=http://127.0.0.1:8055/oauth2/token \
//! A55_CLIENT_ID=emulator-client A55_CLIENT_SECRET=emulator-secret \
//!   cargo run -p a55-core --example seed_002_pix_charge
//! ```
//!
//! Without `A55_API_URL` it talks to the `core-manager` environment (the seeds' host).
#![allow(clippy::print_stdout)]

use a55_core::client::{Client, ClientConfig, Environment, RequestOptions};
use a55_core::pix::parse_pix_brcode;
use a55_core::schedule::format_date;
use a55_core::validate::default_today;
use serde_json::json;

#[tokio::main]
async fn main() -> Result<(), a55_core::Error> {
    let client = Client::new(ClientConfig::from_env(Environment::CoreManager))?;
    let due = default_today() + chrono::Days::new(30);
    let mut payload = json!({
        "wallet_uuid": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "merchant_id": "11111111-1111-1111-1111-111111111111",
        "payer_name": "Wang Fang", "payer_email": "wangfang@example.com",
        "payer_tax_id": "111.222.333-44", "payer_cell_phone": "+5521977777777",
        "amount": 149.90, "currency": "BRL", "due_date": format_date(due),
        "description": "Order #100 — PIX",
        "payer_address": {"street": "Av. Rio Branco", "address_number": "200",
            "complement": "Sala 301", "neighborhood": "Centro", "city": "Rio de Janeiro",
            "state": "RJ", "postal_code": "20040-002", "country": "BR"}
    });
    let opts = RequestOptions::default();
    match client.create_pix_charge(&payload, &opts).await {
        Err(e) => println!("refused locally: {e}"),
        Ok(_) => println!("unexpected: the seed's CPF was accepted"),
    }
    payload["payer_tax_id"] = json!("123.456.789-09");
    let charge = client.create_pix_charge(&payload, &opts).await?;
    let pix = charge.data.pix_payload.clone().unwrap_or_default();
    let code = pix.copy_paste.unwrap_or_default();
    let parsed = parse_pix_brcode(&code).map_err(a55_core::Error::from)?;
    println!(
        "PIX charge {} is {}: {} BRL to {} in {}",
        charge.data.charge_uuid.as_deref().unwrap_or("?"),
        charge.data.status,
        parsed.amount.map(|a| a.to_string()).unwrap_or_default(),
        parsed.merchant_name,
        parsed.merchant_city
    );
    Ok(())
}
