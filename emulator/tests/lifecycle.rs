//! A charge's statuses over real HTTP (`src/lifecycle.rs`): the 3DS challenge, the moves the
//! lifecycle refuses, and the list's status filter following every move.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use reqwest::StatusCode;
use serde_json::{Value, json};

use common::{Emu, WALLET, card_charge, config};

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
    assert!(page.text().await.unwrap().contains("Confirm payment"));
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

/// The ids of the fixture wallet's charges of one status, through the list endpoint.
async fn listed(emu: &Emu, status: &str) -> Vec<String> {
    let (s, page) = emu
        .get(&format!(
            "/api/v1/bank/wallet/charges/?wallet_uuid={WALLET}&status={status}&limit=100"
        ))
        .await;
    assert_eq!(s, StatusCode::OK, "{page}");
    assert_eq!(page["total"], page["data"].as_array().unwrap().len());
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["charge_uuid"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn moves_follow_the_lifecycle_and_the_list_follows_the_moves() {
    let emu = Emu::start(config()).await;
    let mut held = card_charge("4024007153763130");
    held["capture"] = json!(false);
    let (_, held) = emu.post("/api/v1/bank/wallet/charge/", &held).await;
    let (_, declined) = emu
        .post(
            "/api/v1/bank/wallet/charge/",
            &card_charge("4024007153763122"),
        )
        .await;
    let (held_id, declined_id) = (
        held["charge_uuid"].as_str().unwrap(),
        declined["charge_uuid"].as_str().unwrap(),
    );
    assert_eq!(listed(&emu, "confirmed").await, [held_id]);
    assert_eq!(listed(&emu, "error").await, [declined_id]);

    // A declined charge is final: it neither settles nor is paid by a control call.
    for path in ["settle", "pay"] {
        let res = emu
            .http
            .post(emu.url(&format!("/_emulator/charges/{declined_id}/{path}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CONFLICT, "{path}");
        let body: Value = res.json().await.unwrap();
        assert!(body["error"].as_str().unwrap().contains("error"), "{body}");
    }

    // Settled, then refunded: each list shows the charge under its new status only.
    let paid = emu
        .control(&format!("/_emulator/charges/{held_id}/settle"))
        .await;
    assert_eq!(paid["status"], "paid");
    assert!(listed(&emu, "confirmed").await.is_empty());
    assert_eq!(listed(&emu, "paid").await, [held_id]);
    let (s, refunded) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{held_id}/refund/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(
        (s, refunded["status"].as_str()),
        (StatusCode::OK, Some("refunded"))
    );
    assert!(listed(&emu, "paid").await.is_empty());
    assert_eq!(listed(&emu, "refunded").await, [held_id]);
    // `filter=status:…` is the same filter; `cancelled` reads as `canceled`.
    let (_, page) = emu
        .get(&format!(
            "/api/v1/bank/wallet/charges/?wallet_uuid={WALLET}&filter=status:refunded"
        ))
        .await;
    assert_eq!(page["total"], 1);
    assert!(listed(&emu, "cancelled").await.is_empty());

    // A refunded charge cannot be cancelled.
    let (s, body) = emu
        .post(
            &format!("/api/v1/bank/wallet/charge/{held_id}/cancel/{WALLET}/"),
            &json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{body}");
    // An error about a charge that exists names it (found by schemathesis: it was null).
    assert_eq!(body["charge_uuid"], held_id, "{body}");
    assert_eq!(body["message"][0]["code"], "CANCEL_NOT_ALLOWED");
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
        state["charges_by_status"],
        json!({"error": 1, "refunded": 1})
    );
}

#[tokio::test]
async fn captured_confirmed_charges_settle_after_the_delay_in_order() {
    let emu = Emu::start(a55_emulator::EmulatorConfig {
        settle_delay: Some(std::time::Duration::from_secs(2)),
        ..config()
    })
    .await;
    let create = |capture: bool| {
        let mut c = card_charge("4024007153763130");
        c["capture"] = json!(capture);
        c
    };
    let id = |c: &Value| c["charge_uuid"].as_str().unwrap().to_string();
    let (_, first) = emu.post("/api/v1/bank/wallet/charge/", &create(true)).await;
    let (_, held) = emu
        .post("/api/v1/bank/wallet/charge/", &create(false))
        .await;
    let (_, canceled) = emu.post("/api/v1/bank/wallet/charge/", &create(true)).await;
    let (_, second) = emu.post("/api/v1/bank/wallet/charge/", &create(true)).await;
    let (s, body) = emu
        .post(
            &format!(
                "/api/v1/bank/wallet/charge/{}/cancel/{WALLET}/",
                id(&canceled)
            ),
            &json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    // Nothing moves before the delay.
    assert_eq!(listed(&emu, "confirmed").await.len(), 3);
    let status = |c: Value| {
        let emu = &emu;
        async move {
            let (_, now) = emu
                .get(&format!("/api/v1/bank/wallet/charge/{}/", id(&c)))
                .await;
            now["status"].as_str().unwrap().to_string()
        }
    };
    let wait_paid = |c: Value| {
        let status = &status;
        async move {
            for _ in 0..200 {
                if status(c.clone()).await == "paid" {
                    return;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            panic!("{} never settled", c["charge_uuid"]);
        }
    };
    wait_paid(second.clone()).await;
    assert_eq!(status(first.clone()).await, "paid");
    // Not captured, or canceled before its time: left as they are.
    assert_eq!(status(held.clone()).await, "confirmed");
    assert_eq!(status(canceled.clone()).await, "canceled");
    // The queue emptied and its task ended; a charge scheduled after that settles too.
    let (_, later) = emu.post("/api/v1/bank/wallet/charge/", &create(true)).await;
    assert_eq!(status(later.clone()).await, "confirmed");
    wait_paid(later).await;
}
