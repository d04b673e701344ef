//! The public endpoints as a browser calls them: CORS, both pay body shapes (A55's documented flat
//! one and its browser SDK's nested one), the 3DS set-up and pages, and the error bodies a browser
//! SDK reads. The flat shape's own test is in `charges.rs`; a real browser runs these flows in
//! `tests/browser/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use a55_emulator::EmulatorConfig;
use reqwest::Method;
use serde_json::{Value, json};

use common::{Emu, card_charge, config};

const ORIGIN: &str = "http://localhost:3000";

/// A charge waiting for its payer (no card yet); with `threeds_authentication` when asked.
async fn issued(emu: &Emu, threeds: bool) -> String {
    let mut c = card_charge("4024007153763130");
    for k in [
        "card_number",
        "card_name",
        "card_expiry_month",
        "card_expiry_year",
        "card_cvv",
    ] {
        c.as_object_mut().unwrap().remove(k);
    }
    if threeds {
        c["threeds_authentication"] = json!(true);
    }
    let (_, c) = emu.post("/api/v1/bank/wallet/charge/", &c).await;
    assert_eq!(c["status"], "issued", "{c}");
    c["charge_uuid"].as_str().unwrap().to_string()
}

/// The body A55's browser SDK (`payV2`) sends.
fn sdk_body(number: &str) -> Value {
    json!({
        "device_info": {"device_id": "d-1", "ip_address": "", "session_id": "", "user_agent": "Mozilla/5.0",
            "http_accept_content": "text/html", "http_browser_language": "pt-BR",
            "http_browser_java_enabled": false, "http_browser_javascript_enabled": true,
            "http_browser_color_depth": "24", "http_browser_screen_height": "1080",
            "http_browser_screen_width": "1920", "http_browser_time_difference": "180",
            "http_accept_browser_value": "Mozilla/5.0"},
        "payer_name": "Zhang Wei", "payer_email": "zhangwei@example.com", "payer_tax_id": "12345678909",
        "cell_phone": "5511999999999",
        "card": {"holder_name": "Zhang Wei", "number": number, "expiry_month": "12", "expiry_year": "2030", "ccv": "123"},
        "address": {"postal_code": "01310100", "street": "Av. Paulista", "address_number": "1000", "complement": "",
            "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP", "country": "BR"},
        "shipping_address": {"postal_code": "01310100", "street": "Av. Paulista", "address_number": "1000",
            "complement": "", "neighborhood": "Bela Vista", "city": "São Paulo", "state": "SP", "country": "BR"},
    })
}

async fn pay(emu: &Emu, id: &str, body: &Value) -> reqwest::Response {
    emu.http
        .post(emu.url(&format!("/api/v1/bank/public/charge/{id}/pay")))
        .header("origin", ORIGIN)
        .json(body)
        .send()
        .await
        .unwrap()
}

fn header<'r>(res: &'r reqwest::Response, name: &str) -> Option<&'r str> {
    res.headers().get(name).and_then(|v| v.to_str().ok())
}

async fn preflight(emu: &Emu, path: &str, origin: &str) -> reqwest::Response {
    emu.http
        .request(Method::OPTIONS, emu.url(path))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn public_endpoints_answer_preflights_and_carry_cors_headers_private_ones_never() {
    let emu = Emu::start(config()).await;
    let id = issued(&emu, false).await;
    for path in [
        format!("/api/v1/bank/public/charge/{id}/pay"),
        "/api/v1/bank/public/charge".to_string(),
        "/api/v1/bank/public/setup-authentication".to_string(),
    ] {
        let res = preflight(&emu, &path, ORIGIN).await;
        assert_eq!(res.status(), 204, "{path}");
        assert_eq!(header(&res, "access-control-allow-origin"), Some("*"));
        assert!(
            header(&res, "access-control-allow-methods")
                .unwrap()
                .contains("POST")
        );
        assert!(
            header(&res, "access-control-allow-headers")
                .unwrap()
                .to_lowercase()
                .contains("content-type")
        );
    }
    let res = pay(&emu, &id, &sdk_body("4024007153763130")).await;
    assert_eq!(header(&res, "access-control-allow-origin"), Some("*"));
    assert!(
        header(&res, "access-control-expose-headers")
            .unwrap()
            .contains("X-Request-Id")
    );
    for (method, path) in [
        (Method::OPTIONS, "/api/v1/bank/wallet/charge/"),
        (Method::GET, "/api/v1/bank/wallet/charges/"),
        (Method::POST, "/api/v1/bank/wallet/checkout/"),
        (Method::POST, "/oauth2/token"),
    ] {
        let res = emu
            .http
            .request(method.clone(), emu.url(path))
            .header("origin", ORIGIN)
            .header("access-control-request-method", "POST")
            .send()
            .await
            .unwrap();
        assert_ne!(res.status(), 204, "{method} {path}");
        assert_eq!(
            header(&res, "access-control-allow-origin"),
            None,
            "{method} {path}"
        );
    }
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn a_restricted_emulator_echoes_its_origins_and_refuses_others() {
    let emu = Emu::start(EmulatorConfig {
        cors_origins: vec![ORIGIN.to_string()],
        ..config()
    })
    .await;
    let path = "/api/v1/bank/public/setup-authentication";
    let ok = preflight(&emu, path, ORIGIN).await;
    assert_eq!(ok.status(), 204);
    assert_eq!(header(&ok, "access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(header(&ok, "vary"), Some("Origin"));
    let other = preflight(&emu, path, "http://evil.example").await;
    assert_eq!(other.status(), 403);
    assert_eq!(header(&other, "access-control-allow-origin"), None);
    let body: Value = other.json().await.unwrap();
    assert_eq!(body["message"][0]["code"], "CORS_ORIGIN_NOT_ALLOWED");
    let get = emu
        .http
        .get(emu.url("/api/v1/bank/public/charge?charge_uuid=00000000-0000-4000-8000-000000000000"))
        .header("origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&get, "access-control-allow-origin"), None);
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn the_sdk_body_pays_confirms_declines_and_conflicts() {
    let emu = Emu::start(config()).await;
    let id = issued(&emu, false).await;
    let res = pay(&emu, &id, &sdk_body("4024 0071 5376 3130")).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        (body["status"].as_str(), &body["message"]),
        (Some("confirmed"), &Value::Null)
    );
    let again = pay(&emu, &id, &sdk_body("4024007153763130")).await;
    assert_eq!(again.status(), 409);
    assert_eq!(header(&again, "access-control-allow-origin"), Some("*"));
    let body: Value = again.json().await.unwrap();
    assert_eq!(body["message"][0]["code"], "CHARGE_NOT_PAYABLE");
    let declined = issued(&emu, false).await;
    let body: Value = pay(&emu, &declined, &sdk_body("4024007153763122"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["message"][0]["code"], "CARD_DECLINED");
    assert!(
        body["message"][0]["description"]
            .as_str()
            .unwrap()
            .contains("return code 05")
    );
    let (_, charge) = emu
        .get(&format!("/api/v1/bank/wallet/charge/{declined}/"))
        .await;
    assert_eq!(charge["status"], "error");
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn the_same_mistake_gets_the_same_answer_in_either_shape() {
    let emu = Emu::start(config()).await;
    let id = issued(&emu, false).await;
    let flat = json!({"card_number": "4024", "card_name": "Zhang Wei", "card_expiry_month": "13",
        "card_expiry_year": "2030", "card_cvv": "123"});
    let mut nested = sdk_body("4024");
    nested["card"]["expiry_month"] = json!("13");
    let a = pay(&emu, &id, &flat).await;
    let b = pay(&emu, &id, &nested).await;
    assert_eq!(
        (a.status(), b.status()),
        (
            reqwest::StatusCode::UNPROCESSABLE_ENTITY,
            reqwest::StatusCode::UNPROCESSABLE_ENTITY
        )
    );
    let codes = |v: Value| -> Vec<(String, String)> {
        v["message"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["code"].as_str().unwrap().to_string(),
                    m["field"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        codes(a.json().await.unwrap()),
        [
            ("INVALID_CARD_NUMBER".into(), "card_number".into()),
            ("INVALID_EXPIRY".into(), "card_expiry_month".into())
        ]
    );
    assert_eq!(
        codes(b.json().await.unwrap()),
        [
            ("INVALID_CARD_NUMBER".into(), "card.number".into()),
            ("INVALID_EXPIRY".into(), "card.expiry_month".into())
        ]
    );
    let (_, charge) = emu.get(&format!("/api/v1/bank/wallet/charge/{id}/")).await;
    assert_eq!(charge["status"], "issued", "a refused body pays nothing");
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn a_threeds_charge_waits_for_its_challenge_which_tells_its_opener() {
    let emu = Emu::start(config()).await;
    let id = issued(&emu, true).await;
    let body: Value = pay(&emu, &id, &sdk_body("4024007153763130"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["status"], "pending");
    let url = body["url_3ds"].as_str().unwrap();
    assert_eq!(url, emu.url(&format!("/3ds/{id}")));
    let public: Value = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/public/charge?charge_uuid={id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (public[0]["status"].as_str(), public[0]["url_3ds"].as_str()),
        (Some("pending"), Some(url))
    );
    let result = emu
        .http
        .post(url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        result.contains(&format!(
            r#"{{"chargeUuid":"{id}","event":"3ds-auth-complete"}}"#
        )),
        "{result}"
    );
    assert!(result.contains("postMessage"));
    let public: Value = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/public/charge?charge_uuid={id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public[0]["status"], "confirmed");
    let done = issued(&emu, true).await;
    let mut authenticated = sdk_body("4024007153763130");
    authenticated["threeds_auth"] =
        json!({"eci": "05", "request_id": "r-1", "xid": "x", "cavv": "c", "version": "2.2.0"});
    let body: Value = pay(&emu, &done, &authenticated).await.json().await.unwrap();
    assert_eq!(
        body["status"], "confirmed",
        "a body that brings its 3DS result is not challenged again"
    );
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn the_public_charge_carries_every_field_the_sdk_reads() {
    let emu = Emu::start(config()).await;
    let id = issued(&emu, true).await;
    let res = emu
        .http
        .get(emu.url(&format!("/api/v1/bank/public/charge?charge_uuid={id}")))
        .header("origin", ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(header(&res, "access-control-allow-origin"), Some("*"));
    let list: Value = res.json().await.unwrap();
    let c = &list[0];
    for key in [
        "charge_uuid",
        "status",
        "redirect_url",
        "message",
        "value",
        "currency",
        "type_charge",
        "installment_count",
        "website",
        "customer",
        "recurrence",
        "threeds_auth",
        "threeds_metadata",
    ] {
        assert!(c.get(key).is_some(), "{key} missing from {c}");
    }
    assert_eq!(
        (c["value"].as_f64(), c["currency"].as_str()),
        (Some(150.0), Some("BRL"))
    );
    assert_eq!(c["customer"]["email"], "zhangwei@example.com");
    assert_eq!(c["threeds_auth"], true);
    assert!(c["threeds_metadata"]["access_token"].is_string());
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn setup_authentication_answers_a55s_shape_and_its_collection_page_reports() {
    let emu = Emu::start(config()).await;
    let body = json!({"transaction_reference": "f47ac10b-58cc-4372-a567-0e02b2c3d479", "card_brand": "Visa",
        "card_expiry_month": "08", "card_expiry_year": "2029", "card_number": "4024007153763130"});
    let res = emu
        .http
        .post(emu.url("/api/v1/bank/public/setup-authentication"))
        .header("origin", ORIGIN)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "access-control-allow-origin"), Some("*"));
    let auth: Value = res.json().await.unwrap();
    let token = auth["access_token"].as_str().unwrap();
    assert!(!token.contains("4024007153763130"));
    let reference = auth["reference_id"].as_str().unwrap();
    let ddc = auth["device_data_collection_url"].as_str().unwrap();
    assert_eq!(ddc, emu.url("/device-data-collection"));
    let page = emu
        .http
        .post(ddc)
        .form(&[("JWT", token)])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("profile.completed") && page.contains(reference),
        "{page}"
    );
    let unreadable = emu
        .http
        .post(ddc)
        .form(&[("JWT", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(unreadable.status(), 400);
    let mut bad = body.clone();
    bad["card_brand"] = json!("Amex");
    let res = emu
        .http
        .post(emu.url("/api/v1/bank/public/setup-authentication"))
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let err: Value = res.json().await.unwrap();
    assert_eq!(
        (
            err["message"][0]["code"].as_str(),
            err["message"][0]["field"].as_str()
        ),
        (Some("INVALID_VALUE"), Some("card_brand"))
    );
    emu.handle.shutdown().await;
}

#[tokio::test]
async fn every_public_error_body_carries_a_message() {
    let emu = Emu::start(EmulatorConfig {
        rate_limit: 3,
        ..config()
    })
    .await;
    let wrong_method = emu
        .http
        .get(emu.url("/api/v1/bank/public/setup-authentication"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.status(), 405);
    let unknown = emu
        .http
        .post(emu.url("/api/v1/bank/public/charge/applepay/x/session"))
        .header("origin", ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    assert_eq!(header(&unknown, "access-control-allow-origin"), Some("*"));
    // The limit answers before faults, so the fault comes first, within the limit.
    let faulted = emu
        .http
        .get(emu.url("/api/v1/bank/public/charge?charge_uuid=x"))
        .header("origin", ORIGIN)
        .header("x-emulator-fault", "503")
        .send()
        .await
        .unwrap();
    assert_eq!(faulted.status(), 503);
    assert_eq!(header(&faulted, "access-control-allow-origin"), Some("*"));
    let limited = emu
        .http
        .get(emu.url("/api/v1/bank/public/charge?charge_uuid=x"))
        .header("origin", ORIGIN)
        .send()
        .await
        .unwrap();
    assert_eq!(limited.status(), 429);
    assert_eq!(header(&limited, "access-control-allow-origin"), Some("*"));
    for res in [wrong_method, unknown, limited, faulted] {
        let body: Value = res.json().await.unwrap();
        let message = &body["message"];
        assert!(
            message.is_string() || message.as_array().is_some_and(|m| !m.is_empty()),
            "{body}"
        );
    }
    emu.handle.shutdown().await;
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
