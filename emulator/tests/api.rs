//! The emulator over real HTTP, with a plain HTTP client (not the SDK's).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use a55_core::pix::parse_pix_brcode;
use a55_core::webhook::verify_webhook;
use a55_emulator::{EmulatorConfig, EmulatorHandle, FaultPlan, WebhookSchedule};
use base64::Engine;
use reqwest::StatusCode;
use serde_json::{Value, json};

const WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
const MERCHANT: &str = "11111111-1111-1111-1111-111111111111";

struct Emu {
    handle: EmulatorHandle,
    http: reqwest::Client,
    token: String,
}

fn config() -> EmulatorConfig {
    EmulatorConfig {
        today: Some(a55_core::schedule::parse_date("2026-11-21", "today").unwrap()),
        rate_limit: 0,
        settle_delay: None,
        webhook_schedule: WebhookSchedule::Fast,
        ..EmulatorConfig::default()
    }
}

impl Emu {
    async fn start(config: EmulatorConfig) -> Emu {
        let handle = a55_emulator::start(config).await.unwrap();
        let http = reqwest::Client::builder().no_proxy().build().unwrap();
        let mut emu = Emu {
            handle,
            http,
            token: String::new(),
        };
        emu.token = emu.token("emulator-client", "emulator-secret").await;
        emu
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.handle.base_url)
    }

    /// A token; retried when a fault plan answers the token endpoint with an error.
    async fn token(&self, id: &str, secret: &str) -> String {
        for _ in 0..20 {
            let res = self
                .http
                .post(self.url("/oauth2/token"))
                .form(&[
                    ("grant_type", "client_credentials"),
                    ("client_id", id),
                    ("client_secret", secret),
                ])
                .send()
                .await
                .unwrap();
            if res.status() == 200 {
                let v: Value = res.json().await.unwrap();
                return v["access_token"].as_str().unwrap().to_string();
            }
        }
        panic!("no token after 20 tries")
    }

    async fn post(&self, path: &str, body: &Value) -> (StatusCode, Value) {
        self.post_with(path, body, &[]).await
    }

    async fn post_with(
        &self,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let mut req = self
            .http
            .post(self.url(path))
            .bearer_auth(&self.token)
            .json(body);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let res = self
            .http
            .get(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// The text of a GET answer (amounts with the digits the emulator wrote).
    async fn get_text(&self, path: &str) -> String {
        let res = self
            .http
            .get(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        res.text().await.unwrap()
    }

    async fn control(&self, path: &str) -> Value {
        self.http
            .post(self.url(path))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

fn address() -> Value {
    json!({"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101", "neighborhood": "Bela Vista",
           "city": "São Paulo", "state": "SP", "postal_code": "01310-100", "country": "BR"})
}

/// Seed 001's request, verbatim.
fn seed_001() -> Value {
    serde_json::from_str(&format!(
        r#"{{"wallet_uuid": "{WALLET}", "merchant_id": "{MERCHANT}", "payer_name": "张伟",
        "payer_email": "zhangwei@example.com", "payer_tax_id": "123.456.789-09", "payer_cell_phone": "+5511999999999",
        "installment_value": 150.00, "installment_count": 3, "currency": "BRL", "due_date": "2026-12-31",
        "description": "订单 #42——3 期分期", "type_charge": "credit_card", "card_number": "4024007153763191",
        "card_name": "张伟", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123", "capture": true,
        "webhook_url": "https://your-app.com/webhooks/a55", "payer_address": {}}}"#,
        address()
    ))
    .unwrap()
}

fn seed_002() -> Value {
    json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "王芳", "payer_email": "wangfang@example.com",
           "payer_tax_id": "111.222.333-44", "payer_cell_phone": "+5521977777777", "amount": 149.90, "currency": "BRL",
           "due_date": "2026-12-31", "description": "订单 #100——PIX", "webhook_url": "https://your-app.com/webhooks/a55",
           "payer_address": {"street": "Av. Rio Branco", "address_number": "200", "complement": "Sala 301",
                             "neighborhood": "Centro", "city": "Rio de Janeiro", "state": "RJ", "postal_code": "20040-002", "country": "BR"}})
}

fn card_charge(card: &str) -> Value {
    let mut c = seed_001();
    c["card_number"] = json!(card);
    c["installment_count"] = json!(1);
    c.as_object_mut().unwrap().remove("webhook_url");
    c
}

#[tokio::test]
async fn seed_001_is_450_in_three_installments() {
    let emu = Emu::start(config()).await;
    let (status, c) = emu.post("/api/v1/bank/wallet/charge/", &seed_001()).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["status"], "confirmed");
    // Amounts are written with their two decimals, as A55 stores them.
    let id = c["charge_uuid"].as_str().unwrap();
    let text = emu
        .get_text(&format!(
            "/api/v1/bank/wallet/charge/?charge_uuid={id}&wallet_uuid={WALLET}"
        ))
        .await;
    assert!(text.contains(r#""local_currency":450.00"#), "{text}");
    let inst = c["installments"].as_array().unwrap();
    assert_eq!(inst.len(), 3);
    let dues: Vec<&str> = inst
        .iter()
        .map(|i| i["due_date"].as_str().unwrap())
        .collect();
    assert_eq!(dues, ["2026-12-31", "2027-01-31", "2027-02-28"]);
    for i in inst {
        assert_eq!(i["local_currency"], json!(150.0));
        assert_eq!(i["usd_currency"], json!(26.9));
        assert_eq!(i["eur_currency"], json!(23.58));
    }
    assert_eq!(
        text.matches(r#""local_currency":150.00"#).count(),
        3,
        "{text}"
    );
    assert_eq!(text.matches(r#""usd_currency":26.90"#).count(), 3, "{text}");
    // Query and path styles both find it.
    let id = c["charge_uuid"].as_str().unwrap();
    let (s, q) = emu
        .get(&format!(
            "/api/v1/bank/wallet/charge/?charge_uuid={id}&wallet_uuid={WALLET}"
        ))
        .await;
    assert_eq!((s, q["charge_uuid"].as_str()), (StatusCode::OK, Some(id)));
    let (s, _) = emu.get(&format!("/api/v1/bank/wallet/charge/{id}/")).await;
    assert_eq!(s, 200);
    let (s, nf) = emu
        .get(&format!(
            "/api/v1/bank/wallet/charge/?charge_uuid={MERCHANT}&wallet_uuid={WALLET}"
        ))
        .await;
    assert_eq!(s, 404);
    assert_eq!(nf["status"], "error");
    assert_eq!(nf["message"][0]["code"], "errors.charge.not_found");
}

#[tokio::test]
async fn seed_002_fails_on_its_cpf_then_issues_a_real_br_code() {
    let emu = Emu::start(config()).await;
    let (status, body) = emu
        .post("/api/v1/bank/wallet/charge/pix/", &seed_002())
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["charge_uuid"], Value::Null);
    assert_eq!(body["message"][0]["code"], "INVALID_TAX_ID");
    let mut fixed = seed_002();
    fixed["payer_tax_id"] = json!("123.456.789-09");
    let (status, c) = emu.post("/api/v1/bank/wallet/charge/pix/", &fixed).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["status"], "issued");
    let text = c["pix_payload"]["copy_paste"].as_str().unwrap();
    let code = parse_pix_brcode(text).unwrap();
    assert_eq!(code.amount.as_deref(), Some("149.90"));
    assert!(code.url.unwrap().contains("/pix/v2/"));
    // The QR image decodes back to exactly the BR Code.
    let png_bytes = base64::engine::general_purpose::STANDARD
        .decode(c["pix_payload"]["qr_code_base64"].as_str().unwrap())
        .unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, text);
    // Paying through the control endpoint settles it.
    let id = c["charge_uuid"].as_str().unwrap();
    let paid = emu.control(&format!("/_emulator/pix/{id}/pay")).await;
    assert_eq!(paid["status"], "paid");
}

#[tokio::test]
async fn seed_003_subscription_and_its_bad_cycle() {
    let emu = Emu::start(config()).await;
    let mut sub = seed_001();
    sub["installment_value"] = json!(49.90);
    sub["installment_count"] = json!(1);
    sub["subscription"] = json!({"cycle": "monthly", "end_date": "2027-12-31"});
    let (status, c) = emu.post("/api/v1/bank/wallet/charge/", &sub).await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["subscription"]["status"], "active");
    assert_eq!(c["subscription"]["next_charge_date"], "2027-01-31");
    let sub_id = c["subscription"]["subscription_uuid"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, got) = emu
        .get(&format!(
            "/api/v1/bank/wallet/subscription/?wallet_uuid={WALLET}&subscription_uuid={sub_id}"
        ))
        .await;
    assert_eq!(s, 200);
    assert_eq!(got["charges"].as_array().unwrap().len(), 1);
    let cancel = |emu: &Emu| {
        emu.http
            .delete(emu.url(&format!(
                "/api/v1/bank/wallet/subscription/{sub_id}/cancel/{WALLET}/"
            )))
            .bearer_auth(&emu.token)
            .send()
    };
    let r = cancel(&emu).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "cancelled");
    let r = cancel(&emu).await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.unwrap(),
        json!({"error": "Subscription is already cancelled"})
    );
    let (s, nf) = emu
        .get(&format!(
            "/api/v1/bank/wallet/subscription/?wallet_uuid={WALLET}&subscription_uuid={MERCHANT}"
        ))
        .await;
    assert_eq!(
        (s, nf),
        (
            StatusCode::NOT_FOUND,
            json!({"error": "Subscription not found"})
        )
    );
    sub["subscription"]["cycle"] = json!("daily");
    let (status, err) = emu.post("/api/v1/bank/wallet/charge/", &sub).await;
    assert_eq!(status, 400);
    assert_eq!(err["message"][0]["code"], "INVALID_SUBSCRIPTION_CYCLE");
    assert_eq!(err["message"][0]["source"], "subscription");
    assert_eq!(
        err["message"][0]["description"],
        "Cycle 'daily' is not supported. Use: weekly, biweekly, monthly, quarterly, semiannually, yearly"
    );
}

#[tokio::test]
async fn seed_004_wallet_then_409_and_its_own_credentials() {
    let emu = Emu::start(config()).await;
    let wallet = json!({"entity_uuid": "550e8400-e29b-41d4-a716-446655440000", "customer_id": "cust_12345", "currency": "BRL",
                        "name": "圣保罗门店——BRL", "email": "financeiro@loja-sp.com.br", "create_credentials": true,
                        "merchant_uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"});
    let (status, w) = emu.post("/api/v1/bank/wallet/", &wallet).await;
    assert_eq!(status, 200, "{w}");
    assert_eq!(w["credentials"]["grant_type"], "client_credentials");
    let (status, dup) = emu.post("/api/v1/bank/wallet/", &wallet).await;
    assert_eq!(status, 409);
    assert_eq!(dup["code"], "errors.wallet.already_exists");
    assert_eq!(
        dup["message"],
        "Wallet already exists for this merchant and currency"
    );
    // Wallet credentials act on their own wallet only.
    let own = w["wallet_uuid"].as_str().unwrap();
    let token = emu
        .token(
            w["credentials"]["client_id"].as_str().unwrap(),
            w["credentials"]["client_secret"].as_str().unwrap(),
        )
        .await;
    let get = |path: String| emu.http.get(emu.url(&path)).bearer_auth(&token).send();
    assert_eq!(
        get(format!("/api/v1/bank/wallet/?wallet_uuid={own}"))
            .await
            .unwrap()
            .status(),
        200
    );
    let other = get(format!("/api/v1/bank/wallet/charges/?wallet_uuid={WALLET}"))
        .await
        .unwrap();
    assert_eq!(other.status(), 403);
    assert_eq!(other.json::<Value>().await.unwrap()["error"], "forbidden");
    // A wallet-shaped validation error.
    let (status, bad) = emu
        .post("/api/v1/bank/wallet/", &json!({"currency": "COP"}))
        .await;
    assert_eq!(status, 400);
    assert_eq!(bad["error"], "validation_error");
    assert!(bad["code"].is_string());
}

#[tokio::test]
async fn tokens_are_required_valid_and_expire() {
    let mut cfg = config();
    cfg.token_ttl = Duration::from_secs(30);
    let emu = Emu::start(cfg).await;
    let res = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "unauthorized");
    let res = emu
        .http
        .post(emu.url("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", "emulator-client"),
            ("client_secret", "nope"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = emu
        .http
        .post(emu.url("/oauth2/token"))
        .form(&[("grant_type", "password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        emu.get(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}"))
            .await
            .0,
        200
    );
    emu.http
        .post(emu.url("/_emulator/clock/advance"))
        .json(&json!({"seconds": 31}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        emu.get(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}"))
            .await
            .0,
        401
    );
}

#[tokio::test]
async fn card_outcomes_refund_cancel_capture() {
    let emu = Emu::start(config()).await;
    // Digit 2 declines with return code 05, as a 200.
    let (s, declined) = emu
        .post(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763122"),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(declined["status"], "error");
    assert_eq!(declined["return_code"], "05");
    assert_eq!(declined["message"][0]["source"], "acquirer");
    // Full and partial refunds.
    let (_, c) = emu
        .post(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763130"),
        )
        .await;
    let id = c["charge_uuid"].as_str().unwrap();
    let refund = format!("/api/v1/bank/wallet/charge/{id}/refund/{WALLET}/");
    let (s, r) = emu.post(&refund, &json!({"amount": 50.00})).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["status"], "confirmed");
    assert_eq!(r["refunded_amount"], json!(50.0));
    let text = emu
        .get_text(&format!(
            "/api/v1/bank/wallet/charge/?charge_uuid={id}&wallet_uuid={WALLET}"
        ))
        .await;
    assert!(text.contains(r#""refunded_amount":50.00"#), "{text}");
    let (s, r) = emu.post(&refund, &json!({"amount": 100.01})).await;
    assert_eq!(s, 422);
    assert_eq!(r["message"][0]["code"], "AMOUNT_INVALID");
    let (s, r) = emu.post(&refund, &json!({})).await;
    assert_eq!(
        (s, r["status"].as_str()),
        (StatusCode::OK, Some("refunded"))
    );
    let (s, r) = emu.post(&refund, &json!({})).await;
    assert_eq!(
        (s, r["message"][0]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("REFUND_NOT_ALLOWED"))
    );
    // Pre-authorization: capture=false stays confirmed until captured.
    let mut auth = card_charge("4024007153763130");
    auth["capture"] = json!(false);
    let (_, held) = emu.post("/api/v1/bank/wallet/charge/", &auth).await;
    let held_id = held["charge_uuid"].as_str().unwrap();
    let (s, cap) = emu
        .post(
            "/api/v1/bank/wallet/charge/capture/",
            &json!({"charge_uuid": held_id, "wallet_uuid": WALLET}),
        )
        .await;
    assert_eq!(
        (s, cap["status"].as_str()),
        (StatusCode::OK, Some("paid")),
        "{cap}"
    );
    let (s, _) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{held_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 400);
    let (_, other) = emu.post("/api/v1/bank/wallet/charge/", &auth).await;
    let other_id = other["charge_uuid"].as_str().unwrap();
    let (s, canceled) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{other_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(
        (s, canceled["status"].as_str()),
        (StatusCode::OK, Some("canceled"))
    );
    let (s, _) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{other_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 409);
    // The list pages through everything.
    let (s, page) = emu
        .get(&format!(
            "/api/v1/bank/wallet/charges/?wallet_uuid={WALLET}&page=2&limit=2"
        ))
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        (page["total"].as_u64(), page["pages"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(page["data"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn threeds_pending_then_completed() {
    let emu = Emu::start(config()).await;
    let mut c = card_charge("4024007153763130");
    c["threeds_authentication"] = json!(true);
    c["device_info"] = json!({"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0"});
    let (s, pending) = emu.post("/api/v1/bank/wallet/charge/", &c).await;
    assert_eq!(
        (s, pending["status"].as_str()),
        (StatusCode::OK, Some("pending")),
        "{pending}"
    );
    let page = emu
        .http
        .get(pending["url_3ds"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("Authenticate"));
    let done = emu
        .http
        .post(pending["url_3ds"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert!(done.status().is_success());
    let id = pending["charge_uuid"].as_str().unwrap();
    let (_, now) = emu.get(&format!("/api/v1/bank/wallet/charge/{id}/")).await;
    assert_eq!(now["status"], "confirmed");
}

#[tokio::test]
async fn public_endpoints_need_no_token() {
    let emu = Emu::start(config()).await;
    let mut issued = card_charge("4024007153763130");
    for k in [
        "card_number",
        "card_name",
        "card_expiry_month",
        "card_expiry_year",
        "card_cvv",
    ] {
        issued.as_object_mut().unwrap().remove(k);
    }
    let (_, c) = emu.post("/api/v1/bank/wallet/charge/", &issued).await;
    assert_eq!(c["status"], "issued");
    let id = c["charge_uuid"].as_str().unwrap();
    let res = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/public/charge?charge_uuid={id}")))
        .send()
        .await
        .unwrap();
    let arr: Value = res.json().await.unwrap();
    assert_eq!(arr[0]["status"], "issued");
    let pay = |card: &str| {
        emu.http
            .post(emu.url(&format!("/api/v1/bank/public/charge/{id}/pay")))
            .json(&json!({"card_number": card, "card_name": "A", "card_expiry_month": "12", "card_expiry_year": "2030", "card_cvv": "123"}))
            .send()
    };
    let r = pay("4024007153763130").await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "confirmed");
    let again = pay("4024007153763130").await.unwrap();
    assert_eq!(again.status(), 409);
}

#[tokio::test]
async fn idempotency_replays_conflicts_and_in_use() {
    let emu = Emu::start(config()).await;
    let key = [("idempotency-key", "aa0e8400-e29b-41d4-a716-446655440005")];
    let body = card_charge("4024007153763130");
    let first = emu
        .post_with("/api/v1/bank/wallet/charge/", &body, &key)
        .await;
    let second = emu
        .post_with("/api/v1/bank/wallet/charge/", &body, &key)
        .await;
    assert_eq!(
        first, second,
        "a replay gives the identical status and body"
    );
    let mut other = body.clone();
    other["description"] = json!("another body");
    let (s, e) = emu
        .post_with("/api/v1/bank/wallet/charge/", &other, &key)
        .await;
    assert_eq!(
        (s, e["message"][0]["code"].as_str()),
        (StatusCode::CONFLICT, Some("IDEMPOTENCY_KEY_REUSED"))
    );
    // A duplicate while the first is still being processed (slowed by a delay fault).
    let key2 = [("idempotency-key", "bb0e8400-e29b-41d4-a716-446655440005")];
    let slow_headers = [key2[0], ("x-emulator-fault", "delay:600")];
    let slow = emu.post_with("/api/v1/bank/wallet/charge/", &body, &slow_headers);
    let dup = async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        emu.post_with("/api/v1/bank/wallet/charge/", &body, &key2)
            .await
    };
    let ((s1, _), (s2, e2)) = tokio::join!(slow, dup);
    assert_eq!(s1, 200);
    assert_eq!(
        (s2, e2["message"][0]["code"].as_str()),
        (StatusCode::CONFLICT, Some("IDEMPOTENCY_KEY_IN_USE"))
    );
    let state: Value = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["charge_count"], 2);
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    let mut cfg = config();
    cfg.rate_limit = 3;
    let emu = Emu::start(cfg).await;
    let path = emu.url(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}"));
    for remaining in ["2", "1", "0"] {
        let r = emu
            .http
            .get(&path)
            .bearer_auth(&emu.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["x-ratelimit-limit"], "3");
        assert_eq!(r.headers()["x-ratelimit-remaining"], remaining);
        assert!(r.headers().contains_key("x-ratelimit-reset"));
        assert!(r.headers().contains_key("x-request-id"));
    }
    let r = emu
        .http
        .get(&path)
        .bearer_auth(&emu.token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let retry: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "RATE_LIMIT_EXCEEDED");
    assert!(body["request_id"].as_str().unwrap().starts_with("req_"));
}

/// Deliveries a receiver saw: (signature, timestamp, body).
type Received = Arc<Mutex<Vec<(String, String, Vec<u8>)>>>;

/// A local receiver that fails the first `fail` deliveries with 500.
async fn receiver(fail: usize) -> (String, Received) {
    use axum::{Router, body::Bytes, http::HeaderMap, routing::post};
    let got: Received = Arc::default();
    let seen = got.clone();
    let app = Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: Bytes| {
            let seen = seen.clone();
            async move {
                let mut list = seen.lock().unwrap();
                let h = |k: &str| headers.get(k).unwrap().to_str().unwrap().to_string();
                list.push((
                    h("x-webhook-signature"),
                    h("x-webhook-timestamp"),
                    body.to_vec(),
                ));
                if list.len() <= fail {
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR
                } else {
                    axum::http::StatusCode::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}/hook"), got)
}

#[tokio::test]
async fn webhooks_are_signed_and_retried() {
    let emu = Emu::start(config()).await;
    let (url, got) = receiver(2).await;
    let mut c = card_charge("4024007153763130");
    c["webhook_url"] = json!(url);
    let (_, charge) = emu.post("/api/v1/bank/wallet/charge/", &c).await;
    for _ in 0..100 {
        if got.lock().unwrap().len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let list = got.lock().unwrap().clone();
    assert_eq!(list.len(), 3, "two failures, then delivered");
    for (sig, ts, body) in &list {
        let now: i64 = ts.parse().unwrap();
        let ev = verify_webhook(body, sig, ts, &["whsec_emulator"], 300, now).unwrap();
        assert_eq!(ev.charge_uuid, charge["charge_uuid"].as_str().unwrap());
        assert_eq!(ev.status.as_str(), "confirmed");
    }
    let deliveries: Value = emu
        .http
        .get(emu.url("/_emulator/webhooks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let d = &deliveries["data"][0];
    assert_eq!(d["outcome"], "delivered");
    assert_eq!(d["attempts"].as_array().unwrap().len(), 3);
    // Non-loopback URLs are not delivered unless allowed.
    let (_, _) = emu
        .post("/api/v1/bank/wallet/charge/", &{
            let mut c = card_charge("4024007153763130");
            c["webhook_url"] = json!("https://example.com/hook");
            c
        })
        .await;
    let deliveries: Value = emu
        .http
        .get(emu.url("/_emulator/webhooks"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        deliveries["data"][1]["outcome"]
            .as_str()
            .unwrap()
            .starts_with("skipped")
    );
}

#[tokio::test]
async fn checkout_page_pays_fires_webhook_and_redirects() {
    let emu = Emu::start(config()).await;
    let (url, got) = receiver(0).await;
    let session = json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "amount": 250.00, "currency": "BRL",
        "description": "Plano premium", "redirect_url": "https://your-app.com/payment/success",
        "cancel_url": "https://your-app.com/payment/cancel", "due_date": "2026-12-31", "payer_email": "zhangwei@example.com",
        "allowed_methods": ["credit_card", "pix"], "max_installments": 6, "webhook_url": url, "reference_external_id": "ORDER-2048"});
    let (s, co) = emu
        .post_with(
            "/api/v1/bank/wallet/checkout/",
            &session,
            &[("idempotency-key", "990e8400-e29b-41d4-a716-446655440004")],
        )
        .await;
    assert_eq!(s, 200, "{co}");
    assert_eq!(co["status"], "active");
    let page_url = co["checkout_url"].as_str().unwrap();
    let page = emu
        .http
        .get(page_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("card_number") && page.contains("6×"));
    let no_redirect = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = no_redirect
        .post(page_url)
        .form(&[
            ("card_number", "4024007153763130"),
            ("card_name", "Zhang Wei"),
            ("installments", "3"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with("https://your-app.com/payment/success?"));
    let charge_id = location
        .split("charge_uuid=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let (_, charge) = emu
        .get(&format!("/api/v1/bank/wallet/charge/{charge_id}/"))
        .await;
    assert_eq!(charge["local_currency"], json!(250.0));
    let text = emu
        .get_text(&format!("/api/v1/bank/wallet/charge/{charge_id}/"))
        .await;
    assert!(text.contains(r#""local_currency":250.00"#), "{text}");
    let parts: Vec<String> = charge["installments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["local_currency"].to_string())
        .collect();
    assert_eq!(parts, ["83.34", "83.33", "83.33"]);
    for _ in 0..100 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(got.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn every_fault_kind_by_header() {
    let emu = Emu::start(config()).await;
    for (fault, status) in [("500", 500), ("503", 503), ("429", 429)] {
        let (s, body) = emu
            .post_with(
                "/api/v1/bank/wallet/charge/",
                &card_charge("4024007153763130"),
                &[("x-emulator-fault", fault)],
            )
            .await;
        assert_eq!(s.as_u16(), status);
        if status != 429 {
            assert_eq!(body["message"][0]["code"], "errors.unexpected");
        }
    }
    let start = std::time::Instant::now();
    let (s, _) = emu
        .post_with(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763130"),
            &[("x-emulator-fault", "delay:300")],
        )
        .await;
    assert_eq!(s, 200);
    assert!(start.elapsed() >= Duration::from_millis(300));
    // Reset before processing: nothing is created.
    let before = emu
        .http
        .post(emu.url("/api/v1/bank/wallet/charge/"))
        .bearer_auth(&emu.token)
        .header("x-emulator-fault", "reset_before")
        .json(&card_charge("4024007153763130"))
        .send()
        .await;
    assert!(before.is_err());
    // Reset after processing: the charge exists, and repeating with the key recovers it.
    let key = "cc0e8400-e29b-41d4-a716-446655440005";
    let after = emu
        .http
        .post(emu.url("/api/v1/bank/wallet/charge/"))
        .bearer_auth(&emu.token)
        .header("x-emulator-fault", "reset_after")
        .header("idempotency-key", key)
        .json(&card_charge("4024007153763130"))
        .send()
        .await;
    assert!(after.is_err());
    let (s, recovered) = emu
        .post_with(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763130"),
            &[("idempotency-key", key)],
        )
        .await;
    assert_eq!(s, 200);
    let state: Value = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        state["charge_count"], 2,
        "the delayed charge and the reset-after one: {recovered}"
    );
    assert_eq!(state["idempotent_replays"], 1);
}

async fn fault_counts(seed: u64, n: usize) -> (Value, Vec<u16>) {
    let mut cfg = config();
    cfg.seed = seed;
    cfg.faults = FaultPlan::parse("500=0.1,503=0.1,429=0.1").unwrap();
    let emu = Emu::start(cfg).await;
    let mut statuses = Vec::new();
    for _ in 0..n {
        let r = emu
            .http
            .get(emu.url(&format!("/api/v1/bank/wallet/?wallet_uuid={WALLET}")))
            .bearer_auth(&emu.token)
            .send()
            .await
            .unwrap();
        statuses.push(r.status().as_u16());
    }
    let state: Value = emu
        .http
        .get(emu.url("/_emulator/state"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (state["faults"].clone(), statuses)
}

#[tokio::test]
async fn seeded_faults_come_at_their_rate_and_repeat() {
    let (faults, statuses) = fault_counts(7, 2000).await;
    // The token request went through the fault layer too; count only the API answers here.
    for (code, _) in [(500u16, "500"), (503, "503"), (429, "429")] {
        let n = statuses.iter().filter(|s| **s == code).count();
        assert!(
            (140..=260).contains(&n),
            "{code}: {n} of 2000 at a 10% rate"
        );
    }
    assert!(faults.as_object().unwrap().len() == 3);
    let (_, again) = fault_counts(7, 2000).await;
    assert_eq!(statuses, again, "the same seed gives the same sequence");
    let (_, other) = fault_counts(8, 2000).await;
    assert_ne!(statuses, other);
}

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
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} missing from openapi.json"
        );
    }
}
