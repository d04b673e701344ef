//! What the emulator's HTTP tests share: the [`Emu`] helper (an emulator with a plain HTTP client, not
//! the SDK's, and a token), its configuration, the seed requests and a local webhook receiver.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use a55_emulator::{EmulatorConfig, EmulatorHandle, WebhookSchedule};
use reqwest::StatusCode;
use serde_json::{Value, json};

pub const WALLET: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";
pub const MERCHANT: &str = "11111111-1111-1111-1111-111111111111";

pub struct Emu {
    pub handle: EmulatorHandle,
    pub http: reqwest::Client,
    pub token: String,
}

pub fn config() -> EmulatorConfig {
    EmulatorConfig {
        today: Some(a55_core::schedule::parse_date("2026-11-21", "today").unwrap()),
        rate_limit: 0,
        settle_delay: None,
        webhook_schedule: WebhookSchedule::Fast,
        ..EmulatorConfig::default()
    }
}

impl Emu {
    pub async fn start(config: EmulatorConfig) -> Emu {
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

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.handle.base_url)
    }

    /// `POST /oauth2/token` with these credentials, the answer as it came.
    pub async fn token_response(&self, id: &str, secret: &str) -> reqwest::Response {
        self.http
            .post(self.url("/oauth2/token"))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", id),
                ("client_secret", secret),
            ])
            .send()
            .await
            .unwrap()
    }

    /// `GET /_emulator/state`.
    pub async fn state(&self) -> Value {
        self.http
            .get(self.url("/_emulator/state"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// A token; retried when a fault plan answers the token endpoint with an error.
    pub async fn token(&self, id: &str, secret: &str) -> String {
        for _ in 0..20 {
            let res = self.token_response(id, secret).await;
            if res.status() == 200 {
                let v: Value = res.json().await.unwrap();
                return v["access_token"].as_str().unwrap().to_string();
            }
        }
        panic!("no token after 20 tries")
    }

    pub async fn post(&self, path: &str, body: &Value) -> (StatusCode, Value) {
        self.post_with(path, body, &[]).await
    }

    pub async fn post_with(
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

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
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
    pub async fn get_text(&self, path: &str) -> String {
        let res = self
            .http
            .get(self.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        res.text().await.unwrap()
    }

    pub async fn control(&self, path: &str) -> Value {
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

pub fn address() -> Value {
    json!({"street": "Av. Paulista", "address_number": "1000", "complement": "Sala 101", "neighborhood": "Bela Vista",
           "city": "São Paulo", "state": "SP", "postal_code": "01310-100", "country": "BR"})
}

/// Seed 001's request, verbatim.
pub fn seed_001() -> Value {
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

pub fn seed_002() -> Value {
    json!({"wallet_uuid": WALLET, "merchant_id": MERCHANT, "payer_name": "王芳", "payer_email": "wangfang@example.com",
           "payer_tax_id": "111.222.333-44", "payer_cell_phone": "+5521977777777", "amount": 149.90, "currency": "BRL",
           "due_date": "2026-12-31", "description": "订单 #100——PIX", "webhook_url": "https://your-app.com/webhooks/a55",
           "payer_address": {"street": "Av. Rio Branco", "address_number": "200", "complement": "Sala 301",
                             "neighborhood": "Centro", "city": "Rio de Janeiro", "state": "RJ", "postal_code": "20040-002", "country": "BR"}})
}

pub fn card_charge(card: &str) -> Value {
    let mut c = seed_001();
    c["card_number"] = json!(card);
    c["installment_count"] = json!(1);
    c.as_object_mut().unwrap().remove("webhook_url");
    c
}

/// Deliveries a receiver saw: (signature, timestamp, body).
pub type Received = Arc<Mutex<Vec<(String, String, Vec<u8>)>>>;

/// A local receiver that fails the first `fail` deliveries with 500.
pub async fn receiver(fail: usize) -> (String, Received) {
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
