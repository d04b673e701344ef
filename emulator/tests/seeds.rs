//! The four seed requests over real HTTP: their answers, amounts, BR Code, subscription and wallet.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use a55_core::pix::parse_pix_brcode;
use base64::Engine;
use reqwest::StatusCode;
use serde_json::{Value, json};

use common::{Emu, MERCHANT, WALLET, config, seed_001, seed_002};

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
