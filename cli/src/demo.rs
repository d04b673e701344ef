//! `a55 demo`: the whole A55 flow against an embedded emulator, told step by step.
//!
//! Token → wallet → card charge in 3 installments → PIX charge (BR Code decoded, QR saved as PNG) →
//! subscription and its next dates → checkout session paid on its hosted page → a declined card → a
//! refund → signed webhooks received on a local listener and verified. Dates are relative to today.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use a55_core::client::{ChargeRef, Client, ClientConfig, Credentials, Environment, RequestOptions};
use a55_core::models::Charge;
use a55_core::pix::parse_pix_brcode;
use a55_core::redact::Secret;
use a55_core::schedule::{Cycle, Date, format_date, subscription_schedule};
use a55_core::webhook::{DEFAULT_TOLERANCE_SECS, verify_webhook};
use a55_emulator::{EmulatorConfig, FIXTURE_ENTITY, FIXTURE_MERCHANT, WebhookSchedule};
use base64::Engine;
use serde_json::{Value, json};

const WEBHOOK_SECRET: &str = "whsec_demo";

type Events = Arc<Mutex<Vec<String>>>;

fn step(n: u32, title: &str) {
    crate::say!("\n{n}. {title}");
}

fn line(text: impl AsRef<str>) {
    crate::say!("   {}", text.as_ref());
}

fn fail(what: &str, e: impl std::fmt::Display) -> ExitCode {
    eprintln!("\na55 demo failed at {what}: {e}");
    ExitCode::FAILURE
}

fn today() -> Date {
    chrono::Utc::now().date_naive()
}

fn address() -> Value {
    json!({"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101", "neighborhood": "Bela Vista",
           "city": "São Paulo", "state": "SP", "postal_code": "01310-100", "country": "BR"})
}

fn payer(wallet: &str, hook: &str) -> serde_json::Map<String, Value> {
    let v = json!({"wallet_uuid": wallet, "merchant_id": FIXTURE_MERCHANT, "payer_name": "Zhang Wei",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
        "currency": "BRL", "webhook_url": hook, "payer_address": address()});
    v.as_object().cloned().unwrap_or_default()
}

fn card(number: &str) -> Value {
    use chrono::Datelike;
    json!({"card_number": number, "card_name": "ZHANG WEI", "card_expiry_month": "12",
           "card_expiry_year": (today().year() + 4).to_string(), "card_cvv": "123"})
}

/// A plain HTTP client for the emulator's control calls and the payer's browser.
fn plain_http(follow_redirects: bool) -> Result<reqwest::Client, reqwest::Error> {
    let policy = if follow_redirects {
        reqwest::redirect::Policy::default()
    } else {
        reqwest::redirect::Policy::none()
    };
    reqwest::Client::builder()
        .no_proxy()
        .redirect(policy)
        .build()
}

fn merge(mut base: serde_json::Map<String, Value>, extra: Value) -> Value {
    if let Value::Object(m) = extra {
        base.extend(m);
    }
    Value::Object(base)
}

fn show_charge(c: &Charge) {
    line(format!(
        "charge {} — {} — total {} {}",
        c.charge_uuid.as_deref().unwrap_or("?"),
        c.status,
        c.total().map(|t| t.to_string()).unwrap_or_default(),
        c.currency.as_ref().map_or("", |c| c.as_str())
    ));
}

/// A local HTTP listener that verifies every webhook it receives.
async fn webhook_listener(events: Events) -> std::io::Result<String> {
    use axum::{Router, body::Bytes, http::HeaderMap, http::StatusCode, routing::post};
    let app = Router::new().route(
        "/webhooks/a55",
        post(move |headers: HeaderMap, body: Bytes| {
            let events = events.clone();
            async move {
                let h = |k: &str| {
                    headers
                        .get(k)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("")
                        .to_string()
                };
                let now = chrono::Utc::now().timestamp();
                let outcome = verify_webhook(
                    &body,
                    &h("x-webhook-signature"),
                    &h("x-webhook-timestamp"),
                    &[WEBHOOK_SECRET],
                    DEFAULT_TOLERANCE_SECS,
                    now,
                );
                let mut list = events.lock().unwrap_or_else(|p| p.into_inner());
                match outcome {
                    Ok(ev) => {
                        list.push(format!("verified ✓ {} → {}", ev.charge_uuid, ev.status));
                        StatusCode::OK
                    }
                    Err(e) => {
                        list.push(format!("REJECTED ✗ {e}"));
                        StatusCode::BAD_REQUEST
                    }
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(format!("http://{addr}/webhooks/a55"))
}

/// Runs the demo.
pub async fn run(out_dir: PathBuf) -> ExitCode {
    crate::say!("A55 SDK demo — every call below goes over HTTP to an embedded A55 emulator.");
    let emulator = match a55_emulator::start(EmulatorConfig {
        rate_limit: 0,
        settle_delay: None,
        webhook_secret: WEBHOOK_SECRET.into(),
        webhook_schedule: WebhookSchedule::Fast,
        ..EmulatorConfig::default()
    })
    .await
    {
        Ok(e) => e,
        Err(e) => return fail("starting the emulator", e),
    };
    crate::say!(
        "Emulator: {}   today: {}",
        emulator.base_url,
        format_date(today())
    );
    let events: Events = Arc::default();
    let hook = match webhook_listener(events.clone()).await {
        Ok(h) => h,
        Err(e) => return fail("starting the webhook listener", e),
    };

    step(1, "Access token (OAuth2 client credentials)");
    let mut config = ClientConfig::for_environment(
        Environment::Sandbox,
        Credentials::ClientCredentials {
            client_id: "emulator-client".into(),
            client_secret: Secret::new("emulator-secret"),
        },
    );
    config.base_url = emulator.base_url.clone();
    config.token_url = format!("{}/oauth2/token", emulator.base_url);
    config.user_agent_suffix = Some("a55-demo".into());
    let client = match Client::new(config) {
        Ok(c) => c,
        Err(e) => return fail("building the client", e),
    };
    let opts = RequestOptions::default();
    let fixture = a55_core::client::WalletQuery {
        wallet_uuid: Some(a55_emulator::FIXTURE_WALLET.into()),
        ..Default::default()
    };
    match client.get_wallet(&fixture, &opts).await {
        Ok(w) => {
            line(format!(
                "token fetched with client_id emulator-client ({} request), cached and refreshed 60 s before expiry",
                client.token_requests()
            ));
            line(format!(
                "platform wallet {} ({}) answered, request id {}",
                a55_emulator::FIXTURE_WALLET,
                w.data.currency.as_ref().map_or("", |c| c.as_str()),
                w.meta.request_id.as_deref().unwrap_or("-")
            ));
        }
        Err(e) => return fail("the first authenticated call", e),
    }

    step(2, "Wallet for a new merchant, with its own API credentials");
    let wallet = match client
        .create_wallet(
            json!({"entity_uuid": FIXTURE_ENTITY, "customer_id": "cust_demo", "currency": "BRL",
                   "name": "Loja Demo — BRL", "email": "financeiro@loja-demo.com.br", "create_credentials": true}),
            &opts,
        )
        .await
    {
        Ok(w) => w,
        Err(e) => return fail("creating the wallet", e),
    };
    line(format!(
        "still {} token request: the cached token was reused",
        client.token_requests()
    ));
    let w = &wallet.data;
    let wallet_id = w.wallet_uuid.clone().unwrap_or_default();
    line(format!(
        "wallet {wallet_id} ({}), merchant {}",
        w.currency.as_ref().map_or("", |c| c.as_str()),
        w.merchant_uuid.as_deref().unwrap_or("")
    ));
    if let Some(c) = &w.credentials {
        line(format!(
            "credentials: client_id {} / client_secret {} (shown once: store it)",
            c.client_id.as_deref().unwrap_or(""),
            c.client_secret
        ));
    }

    step(3, "Card charge: 3 installments of 150.00 BRL");
    let due = today() + chrono::Duration::days(10);
    let body = merge(
        payer(&wallet_id, &hook),
        merge(
            card("4024007153763130")
                .as_object()
                .cloned()
                .unwrap_or_default(),
            json!({"installment_value": "150.00", "installment_count": 3, "due_date": format_date(due),
                   "description": "Order #42 — 3 installments", "type_charge": "credit_card",
                   "reference_external_id": "ORDER-42"}),
        ),
    );
    let order = RequestOptions {
        idempotency_from: Some("ORDER-42".into()),
        ..RequestOptions::default()
    };
    let charge = match client.create_charge(body, &order).await {
        Ok(c) => c,
        Err(e) => return fail("the card charge", e),
    };
    show_charge(&charge.data);
    for i in &charge.data.installments {
        line(format!(
            "  #{} due {} — {} {} (≈ {} USD, {} EUR)",
            i.installment_number.unwrap_or(0),
            i.due_date.map(format_date).unwrap_or_default(),
            i.local_currency.map(|v| v.to_string()).unwrap_or_default(),
            i.currency.as_ref().map_or("", |c| c.as_str()),
            i.usd_currency.map(|v| v.to_string()).unwrap_or_default(),
            i.eur_currency.map(|v| v.to_string()).unwrap_or_default()
        ));
    }
    line(format!(
        "request id {}, idempotency key {} (derived from ORDER-42: a re-run cannot charge twice)",
        charge.meta.request_id.as_deref().unwrap_or("-"),
        charge.meta.idempotency_key.as_deref().unwrap_or("-")
    ));
    let charge_id = charge.data.charge_uuid.clone().unwrap_or_default();

    step(4, "PIX charge: BR Code decoded, QR code saved");
    let pix = match client
        .create_pix_charge(
            merge(payer(&wallet_id, &hook), json!({"amount": 149.90, "due_date": format_date(due), "description": "Order #100 — PIX"})),
            &opts,
        )
        .await
    {
        Ok(p) => p,
        Err(e) => return fail("the PIX charge", e),
    };
    show_charge(&pix.data);
    let payload = pix.data.pix_payload.clone().unwrap_or_default();
    let text = payload.copy_paste.clone().unwrap_or_default();
    match parse_pix_brcode(&text) {
        Ok(code) => {
            line(format!(
                "copy & paste: {}…{}",
                &text[..text.len().min(40)],
                &text[text.len().saturating_sub(8)..]
            ));
            line(format!(
                "decoded: amount {} · merchant {} · city {} · txid {} · CRC {} ✓",
                code.amount.as_deref().unwrap_or("-"),
                code.merchant_name,
                code.merchant_city,
                code.txid.as_deref().unwrap_or("-"),
                code.crc
            ));
        }
        Err(e) => return fail("decoding the BR Code", e),
    }
    let png = base64::engine::general_purpose::STANDARD
        .decode(payload.qr_code_base64.as_deref().unwrap_or(""))
        .unwrap_or_default();
    let qr_path = out_dir.join("pix-qr.png");
    let saved = std::fs::create_dir_all(&out_dir).and_then(|_| std::fs::write(&qr_path, &png));
    match saved {
        Ok(()) => line(format!(
            "QR code: {} ({} bytes PNG)",
            qr_path.display(),
            png.len()
        )),
        Err(e) => return fail("saving the QR code", e),
    }
    let pix_id = pix.data.charge_uuid.clone().unwrap_or_default();
    let http = match plain_http(true) {
        Ok(h) => h,
        Err(e) => return fail("building an HTTP client", e),
    };
    let _ = http
        .post(format!("{}/_emulator/pix/{pix_id}/pay", emulator.base_url))
        .send()
        .await;
    let pix_ref = ChargeRef {
        charge_uuid: pix_id.clone(),
        wallet_uuid: wallet_id.clone(),
    };
    match client.get_charge(&pix_ref, &opts).await {
        Ok(c) => line(format!(
            "the payer scans and pays: PIX charge is now {}",
            c.data.status
        )),
        Err(e) => return fail("reading the PIX charge", e),
    }

    step(5, "Subscription: monthly, created with its first charge");
    let sub = match client
        .create_subscription(
            merge(
                payer(&wallet_id, &hook),
                merge(
                    card("4024007153763130").as_object().cloned().unwrap_or_default(),
                    json!({"installment_value": 49.90, "installment_count": 1, "due_date": format_date(due),
                           "description": "Premium plan — monthly", "type_charge": "credit_card",
                           "subscription": {"cycle": "monthly", "end_date": format_date(due + chrono::Duration::days(365))}}),
                ),
            ),
            &opts,
        )
        .await
    {
        Ok(s) => s,
        Err(e) => return fail("the subscription", e),
    };
    let info = sub.data.subscription.clone().unwrap_or_default();
    line(format!(
        "subscription {} — {} — next charge {}",
        info.subscription_uuid.as_deref().unwrap_or("?"),
        info.status.map(|s| s.to_string()).unwrap_or_default(),
        info.next_charge_date
            .map_or_else(|| "-".to_string(), format_date)
    ));
    if let Ok(dates) = subscription_schedule(due, Cycle::Monthly, 4, None) {
        let list: Vec<String> = dates.into_iter().map(format_date).collect();
        line(format!(
            "the next 4 dates (same day each month, clamped to month end): {}",
            list.join(", ")
        ));
    }

    step(6, "Hosted checkout: a payer pays 250.00 in 3× on the page");
    let session = match client
        .create_checkout(
            json!({"wallet_uuid": wallet_id, "merchant_id": FIXTURE_MERCHANT, "amount": 250.00, "currency": "BRL",
                   "description": "Premium plan", "redirect_url": "https://merchant.example/payment/success",
                   "due_date": format_date(due), "max_installments": 6, "webhook_url": hook,
                   "allowed_methods": ["credit_card", "pix"], "reference_external_id": "ORDER-2048"}),
            &opts,
        )
        .await
    {
        Ok(s) => s,
        Err(e) => return fail("the checkout session", e),
    };
    let url = session.data.checkout_url.clone().unwrap_or_default();
    line(format!(
        "checkout {} → {url}",
        session.data.checkout_uuid.as_deref().unwrap_or("?")
    ));
    let no_redirect = match plain_http(false) {
        Ok(h) => h,
        Err(e) => return fail("building an HTTP client", e),
    };
    // The form's expiry is the test card's (four years ahead), as a payer would type it.
    let test_card = card("4024007153763130");
    let expiry_year = test_card["card_expiry_year"].as_str().unwrap_or_default();
    match no_redirect
        .post(&url)
        .form(&[
            ("card_number", "4024007153763130"),
            ("card_name", "ZHANG WEI"),
            ("card_expiry_month", "12"),
            ("card_expiry_year", expiry_year),
            ("card_cvv", "123"),
            ("installments", "3"),
        ])
        .send()
        .await
    {
        Ok(res) => line(format!(
            "payer submitted the form: HTTP {} → {}",
            res.status().as_u16(),
            res.headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-")
        )),
        Err(e) => return fail("paying the checkout", e),
    }

    step(7, "A declined card (test card ending in 2)");
    match client
        .create_charge(
            merge(
                payer(&wallet_id, &hook),
                merge(
                    card("4024007153763122").as_object().cloned().unwrap_or_default(),
                    json!({"installment_value": 80, "installment_count": 1, "due_date": format_date(due),
                           "description": "Order #43", "type_charge": "credit_card"}),
                ),
            ),
            &opts,
        )
        .await
    {
        Ok(c) => {
            show_charge(&c.data);
            for issue in c.data.issues() {
                line(format!("  {}: {}", issue.code, issue.description));
            }
            line("a decline is a result with status error, not an exception");
        }
        Err(e) => return fail("the declined charge", e),
    }

    step(8, "Refund: 100.00 of the card charge, then the rest");
    let card_ref = ChargeRef {
        charge_uuid: charge_id.clone(),
        wallet_uuid: wallet_id.clone(),
    };
    match client
        .refund_charge(
            &card_ref,
            json!({"amount": "100.00", "reason": "one item returned"}),
            &opts,
        )
        .await
    {
        Ok(r) => line(format!(
            "partial refund: refunded {} so far, status {}",
            r.data
                .refunded_amount
                .map(|v| v.to_string())
                .unwrap_or_default(),
            r.data.status
        )),
        Err(e) => return fail("the partial refund", e),
    }
    match client.refund_charge(&card_ref, json!({}), &opts).await {
        Ok(r) => line(format!("full refund: status {}", r.data.status)),
        Err(e) => return fail("the full refund", e),
    }

    step(
        9,
        "Webhooks received on a local listener, signatures verified",
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    let received = events.lock().unwrap_or_else(|p| p.into_inner()).clone();
    for e in &received {
        line(e);
    }
    let verified = received
        .iter()
        .filter(|e| e.starts_with("verified"))
        .count();
    line(format!(
        "{verified} of {} deliveries verified (HMAC-SHA256 over \"timestamp.body\", ±300 s)",
        received.len()
    ));
    emulator.shutdown().await;
    if verified == 0 || verified != received.len() {
        return fail("webhook verification", "not every delivery verified");
    }
    crate::say!(
        "\nDone: every step above went through the SDK's validation, retries and idempotency."
    );
    ExitCode::SUCCESS
}
