//! Example request bodies for the OpenAPI document: A55's documented requests (the seeds), made to
//! work against a fresh emulator's fixtures, so a tool that sends them reaches the success paths.

use serde_json::{Value, json};

use crate::state::{FIXTURE_ENTITY, FIXTURE_MERCHANT, FIXTURE_WALLET};

fn address() -> Value {
    json!({"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101",
           "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP",
           "postal_code": "01310-100", "country": "BR"})
}

/// Seed 001: a card charge in 3 installments of 150.00 (the card's last digit approves).
pub(super) fn card_charge() -> Value {
    json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "payer_name": "Zhang Wei",
           "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09",
           "payer_cell_phone": "+5511999999999", "installment_value": 150.00, "installment_count": 3,
           "currency": "BRL", "due_date": "2099-12-31", "description": "Order #42",
           "type_charge": "credit_card", "card_number": "4024007153763130", "card_name": "Zhang Wei",
           "card_expiry_month": "12", "card_expiry_year": "2099", "card_cvv": "123",
           "capture": false, "payer_address": address()})
}

/// Seed 003: the first charge of a monthly subscription.
pub(super) fn subscription_charge() -> Value {
    let mut c = card_charge();
    c["installment_value"] = json!(49.90);
    c["installment_count"] = json!(1);
    c["capture"] = json!(true);
    c["subscription"] = json!({"cycle": "monthly", "end_date": "2100-12-31"});
    c
}

/// A charge paid later, by the payer (no card: `issued`).
pub(super) fn issued_charge() -> Value {
    let mut c = card_charge();
    for k in [
        "card_number",
        "card_name",
        "card_expiry_month",
        "card_expiry_year",
        "card_cvv",
    ] {
        if let Some(o) = c.as_object_mut() {
            o.remove(k);
        }
    }
    c["installment_count"] = json!(1);
    c
}

/// Seed 002: a PIX charge (with a CPF whose check digits are right).
pub(super) fn pix_charge() -> Value {
    json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "payer_name": "Wang Fang",
           "payer_email": "wangfang@example.com", "payer_tax_id": "123.456.789-09",
           "payer_cell_phone": "+5521977777777", "amount": 149.90, "currency": "BRL",
           "due_date": "2099-12-31", "description": "Order #100", "payer_address": address()})
}

/// Seed 004: a wallet with its own credentials.
pub(super) fn wallet() -> Value {
    json!({"entity_uuid": FIXTURE_ENTITY, "customer_id": "cust_12345", "currency": "BRL",
           "name": "Loja SP", "email": "financeiro@loja-sp.com.br", "create_credentials": true,
           "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"})
}

/// Seed 000: a hosted checkout session.
pub(super) fn checkout() -> Value {
    json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "amount": 450.00,
           "currency": "BRL", "description": "Order #2048", "due_date": "2099-12-31",
           "redirect_url": "https://your-app.com/payment/success",
           "cancel_url": "https://your-app.com/payment/cancel", "max_installments": 6})
}

/// A payment link.
pub(super) fn payment_link() -> Value {
    json!({"wallet_uuid": FIXTURE_WALLET, "merchant_id": FIXTURE_MERCHANT, "currency": "BRL",
           "value": 99.90, "name": "T-shirt", "max_installment_count": 3})
}

/// A card payment of an issued charge.
pub(super) fn public_payment() -> Value {
    json!({"card_number": "4024007153763130", "card_name": "Zhang Wei", "card_expiry_month": "12",
           "card_expiry_year": "2099", "card_cvv": "123"})
}

/// The platform credentials' token request.
pub(super) fn token_form() -> Value {
    json!({"grant_type": "client_credentials", "client_id": "emulator-client",
           "client_secret": "emulator-secret"})
}
