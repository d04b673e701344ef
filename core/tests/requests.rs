//! Typed requests both ways: every validation vector's payload read into its typed request (the
//! issues `validate` gives when it has errors), written back to the same JSON, and the field tables
//! of `validate` agreeing with the request structs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::PathBuf;

use a55_core::codes::Severity;
use a55_core::models::{
    ApiRequest, CaptureRequest, ChargeRequest, CheckoutRequest, PixChargeRequest, RefundRequest,
    WalletRequest,
};
use a55_core::schedule::{Date, parse_date};
use a55_core::validate::{RequestKind, prepare, validate};
use serde_json::Value;

fn vectors() -> Vec<(String, RequestKind, Value, Option<Date>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut out = Vec::new();
    for file in std::fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("validate_") || name == "validate_tax_id.json" {
            continue;
        }
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let args = &case["args"];
            let kind = RequestKind::parse(args["kind"].as_str().unwrap()).unwrap();
            let today = args["today"]
                .as_str()
                .map(|t| parse_date(t, "today").unwrap());
            let label = format!("{name}: {}", case["name"].as_str().unwrap_or("?"));
            out.push((label, kind, args["payload"].clone(), today));
        }
    }
    out
}

/// Reads `payload` into `R`, then checks it against what `validate` and `prepare` say.
fn check<R: ApiRequest>(label: &str, payload: &Value, today: Option<Date>) {
    let issues = validate(R::KIND, payload, today);
    let has_errors = issues.iter().any(|i| i.severity == Severity::Error);
    match R::from_json(payload, today) {
        Err(e) => {
            assert!(has_errors, "{label}: refused without an error issue: {e}");
            assert_eq!(e.issues, issues, "{label}: the same issues as validate");
        }
        Ok((request, warnings)) => {
            assert!(!has_errors, "{label}: read although validate found errors");
            let prepared = prepare(R::KIND, payload, today);
            assert_eq!(warnings, prepared.warnings(), "{label}");
            // Back to JSON: what would be sent, unchanged.
            let again = request.prepare(today);
            assert_eq!(
                again.payload, prepared.payload,
                "{label}: written back differently"
            );
            // The tables and the struct agree: a key the struct keeps aside is one validation
            // does not know either (and warns about), and the struct adds no key validation
            // does not know.
            let unknown: Vec<&str> = prepared
                .issues
                .iter()
                .filter(|i| i.code.as_str() == "UNKNOWN_FIELD" && !i.field.contains('.'))
                .map(|i| i.field.as_str())
                .collect();
            let extra: Vec<&str> = request.extra().keys().map(String::as_str).collect();
            let mut sorted = unknown.clone();
            sorted.sort_unstable();
            assert_eq!(extra, sorted, "{label}: table and struct disagree");
            let more: Vec<_> = again
                .issues
                .iter()
                .filter(|i| i.code.as_str() == "UNKNOWN_FIELD")
                .filter(|i| !prepared.issues.contains(i))
                .collect();
            assert!(
                more.is_empty(),
                "{label}: the struct writes keys validation does not know: {more:?}"
            );
        }
    }
}

#[test]
fn every_vector_payload_reads_into_its_typed_request_and_back() {
    let cases = vectors();
    assert!(cases.len() > 500, "{} cases", cases.len());
    let mut read = 0;
    for (label, kind, payload, today) in &cases {
        match kind {
            RequestKind::Wallet => check::<WalletRequest>(label, payload, *today),
            RequestKind::Charge => check::<ChargeRequest>(label, payload, *today),
            RequestKind::PixCharge => check::<PixChargeRequest>(label, payload, *today),
            RequestKind::Checkout => check::<CheckoutRequest>(label, payload, *today),
            RequestKind::Refund => check::<RefundRequest>(label, payload, *today),
            RequestKind::Capture => check::<CaptureRequest>(label, payload, *today),
            _ => continue,
        }
        read += 1;
    }
    assert!(read > 500);
}

#[test]
fn a_malformed_payload_gives_the_issues_validate_gives() {
    let payload = serde_json::json!({"wallet_uuid": "nope", "installment_count": "3", "zzz": 1});
    let err = ChargeRequest::from_json(&payload, None).unwrap_err();
    assert_eq!(err.issues, validate(RequestKind::Charge, &payload, None));
    let codes: Vec<&str> = err.issues.iter().map(|i| i.code.as_str()).collect();
    assert!(
        codes.contains(&"INVALID_UUID")
            && codes.contains(&"INVALID_TYPE")
            && codes.contains(&"REQUIRED_FIELD")
    );
}
