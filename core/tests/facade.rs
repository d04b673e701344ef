//! The facade the language packages call: owned arguments, `'static` futures whose idempotency key
//! is known before they start, one policy for which options a method honours, a pager via `&self`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::time::Duration;

use a55_core::client::facade::{CallOption, Facade, Operation};
use a55_core::client::{ListChargesParams, RequestOptions, SubscriptionRef};
use a55_core::idempotency::derive_key_for;
use a55_core::{ErrorKind, IssueCode};
use a55_emulator::{EmulatorConfig, EmulatorHandle, FIXTURE_WALLET as WALLET};

mod support;
use support::{card, charge_ref, today};

async fn setup() -> (EmulatorHandle, Facade) {
    let emu = a55_emulator::start(EmulatorConfig {
        today: Some(today()),
        rate_limit: 0,
        settle_delay: None,
        ..EmulatorConfig::default()
    })
    .await
    .unwrap();
    let facade = Facade::new(support::config(&emu.base_url)).unwrap();
    (emu, facade)
}

fn is_static_send<T: Send + 'static>(_: &T) {}

#[tokio::test]
async fn a_call_knows_its_key_before_it_starts() {
    let (emu, facade) = setup().await;
    let call = facade.create_charge(card("4024007153763130"), RequestOptions::default());
    is_static_send(&call);
    let key = call.idempotency_key().unwrap().to_string();
    let abandoned = call.abandoned().unwrap();
    assert_eq!(abandoned.kind, ErrorKind::UnknownOutcome);
    assert_eq!(abandoned.idempotency_key.as_deref(), Some(key.as_str()));
    drop(call); // never polled: nothing was sent
    let state = support::control(&emu.base_url, "state").await;
    assert_eq!(state["charge_count"].as_u64(), Some(0), "{state}");

    let call = facade.create_charge(card("4024007153763130"), RequestOptions::default());
    let key = call.idempotency_key().unwrap().to_string();
    let done = call.await.unwrap();
    assert_eq!(done.meta.idempotency_key.as_deref(), Some(key.as_str()));
    // Reads send no key and have nothing to report when abandoned.
    let read = facade.get_charge(
        charge_ref(done.data.charge_uuid.as_deref().unwrap()),
        RequestOptions::default(),
    );
    assert!(read.idempotency_key().is_none() && read.abandoned().is_none());
    read.await.unwrap();
}

#[tokio::test]
async fn a_call_cancelled_mid_flight_is_recovered_with_its_key() {
    let (emu, facade) = setup().await;
    support::queue_faults(&emu.base_url, &["delay:800"]).await;
    let call = facade.create_charge(card("4024007153763130"), RequestOptions::default());
    let key = call.idempotency_key().unwrap().to_string();
    // The caller gives up (a cancelled task) while the server is working.
    assert!(
        tokio::time::timeout(Duration::from_millis(300), call)
            .await
            .is_err()
    );
    tokio::time::sleep(Duration::from_millis(900)).await;
    let again = facade
        .create_charge(
            card("4024007153763130"),
            RequestOptions {
                idempotency_key: Some(key.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(again.meta.replayed, "the cancelled call had been processed");
}

#[tokio::test]
async fn derived_keys_are_the_clients() {
    let (_emu, facade) = setup().await;
    let charge = charge_ref("5b3f1a8e-0000-4000-8000-000000000001");
    let opts = RequestOptions {
        idempotency_from: Some("ORDER-9".into()),
        ..Default::default()
    };
    let call = facade.refund_charge(charge.clone(), serde_json::json!({}), opts);
    let want = derive_key_for(
        "charge.refund",
        Some(&format!("{}/{}", charge.wallet_uuid, charge.charge_uuid)),
        "ORDER-9",
    );
    assert_eq!(call.idempotency_key(), Some(want.as_str()));
}

#[tokio::test]
async fn a_method_refuses_the_options_it_would_ignore() {
    let (_emu, facade) = setup().await;
    let err = facade
        .get_charge(
            charge_ref("5b3f1a8e-0000-4000-8000-000000000001"),
            RequestOptions {
                idempotency_key: Some("k".into()),
                skip_validation: true,
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    let fields: Vec<&str> = err.issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(fields, ["idempotency_key", "skip_validation"]);
    assert!(err.issues.iter().all(|i| i.code == IssueCode::InvalidValue));
    let sub = SubscriptionRef {
        subscription_uuid: "5b3f1a8e-0000-4000-8000-000000000001".into(),
        wallet_uuid: WALLET.into(),
    };
    let opts = RequestOptions {
        idempotency_from: Some("x".into()),
        ..Default::default()
    };
    let err = facade.cancel_subscription(sub, opts).await.unwrap_err();
    assert_eq!(err.issues[0].field, "idempotency_from");
    // The policy, one table: every write takes a key, every read does not.
    for op in Operation::ALL {
        let takes_key = op.honours().contains(&CallOption::IdempotencyKey);
        assert_eq!(takes_key, op.key_name().is_some(), "{}", op.name());
        assert!(
            op.honours().contains(&CallOption::Deadline),
            "{}",
            op.name()
        );
    }
}

#[tokio::test]
async fn the_pager_works_through_a_shared_reference() {
    let (_emu, facade) = setup().await;
    for n in ["4024007153763130", "4024007153763171", "4024007153763148"] {
        facade
            .create_charge(card(n), RequestOptions::default())
            .await
            .unwrap();
    }
    let pages = facade
        .list_all_charges(
            ListChargesParams {
                wallet_uuid: WALLET.into(),
                limit: Some(2),
                ..Default::default()
            },
            RequestOptions::default(),
        )
        .unwrap();
    is_static_send(&pages);
    let mut seen = 0;
    while let Some(c) = pages.next().await {
        c.unwrap();
        seen += 1;
    }
    assert_eq!(seen, 3);
}

/// The text the Node, Kotlin and Swift packages read is the tree Python reads, with the metadata:
/// one shape whichever way the data is taken.
#[tokio::test]
async fn the_host_text_is_the_host_tree_with_its_metadata() {
    use a55_core::client::calls::{HostText, host_text, host_text_parts, host_value_text};
    let (_emu, facade) = setup().await;
    let args = serde_json::json!({});
    let text = facade
        .call::<HostText>(
            Operation::CreateCharge,
            &args,
            Some(card("4024007153763191")),
            RequestOptions::default(),
            None,
        )
        .await
        .unwrap();
    let answer: serde_json::Value = serde_json::from_str(&host_text(&text).unwrap()).unwrap();
    let charge = answer["data"]["charge_uuid"].as_str().unwrap().to_string();
    let tree = facade
        .call::<serde_json::Value>(
            Operation::GetCharge,
            &serde_json::json!({"charge_uuid": charge, "wallet_uuid": WALLET}),
            None,
            RequestOptions::default(),
            None,
        )
        .await
        .unwrap();
    // The same charge read back as a tree: the same data (amounts as decimal text, dates as dates).
    assert_eq!(answer["data"], tree.data);
    assert!(answer["data"]["local_currency"] == "150.00", "{answer}");
    let m = &answer["meta"];
    assert_eq!(m["status"], 200);
    assert_eq!(
        m["idempotency_key"].as_str(),
        text.meta.idempotency_key.as_deref()
    );
    assert_eq!(m["attempts"], 1);
    assert_eq!(m["replayed"], false);
    assert!(
        m["rate_limit"].is_object() && m["warnings"].is_array(),
        "{m}"
    );
    // The raw JSON is the answer's text as received, and reads back to the same charge.
    let raw: serde_json::Value = serde_json::from_str(m["raw_json"].as_str().unwrap()).unwrap();
    assert_eq!(raw["charge_uuid"], answer["data"]["charge_uuid"]);
    // In two parts: the same answer, its raw JSON apart and byte for byte.
    let (rest, raw_text) = host_text_parts(&text).unwrap();
    let mut rest: serde_json::Value = serde_json::from_str(&rest).unwrap();
    assert!(rest["meta"].get("raw_json").is_none(), "{rest}");
    assert_eq!(raw_text, m["raw_json"].as_str().unwrap());
    rest["meta"]["raw_json"] = serde_json::Value::String(raw_text.into_owned());
    assert_eq!(rest, answer);
    // A model on its own (the pager's items) is the same text.
    let typed = facade
        .get_charge(support::charge_ref(&charge), RequestOptions::default())
        .await
        .unwrap();
    let alone: serde_json::Value =
        serde_json::from_str(&host_value_text(&typed.data).unwrap()).unwrap();
    assert_eq!(alone, tree.data);
}
