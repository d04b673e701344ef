//! Runs every shared vector in `tests/vectors/` through the Rust API.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stdout,
    missing_docs
)]
//!
//! The same files are run by the Python, Node, Kotlin and Swift suites; see tests/vectors/README.md.

use std::collections::BTreeSet;
use std::path::PathBuf;

use a55_core::money::{self, AmountArg};
use a55_core::schedule::{self, Cycle, parse_date};
use a55_core::validate::{RequestKind, validate};
use a55_core::{RuleError, card, pix, tax_id, webhook};
use serde_json::{Value, json};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// A JSON string is decimal text; a JSON number is a float the user passed (integers stay exact).
fn amount_arg(v: &Value) -> AmountArg<'_> {
    match v {
        Value::String(s) => AmountArg::Text(s),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                AmountArg::Integer(i.into())
            } else {
                AmountArg::Float(n.as_f64().expect("number"))
            }
        }
        other => panic!("not an amount: {other}"),
    }
}

fn s(args: &Value, key: &str) -> String {
    args[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not text"))
        .to_string()
}

fn date(args: &Value, key: &str) -> Result<schedule::Date, RuleError> {
    parse_date(&s(args, key), key)
}

fn opt_date(args: &Value, key: &str) -> Result<Option<schedule::Date>, RuleError> {
    match &args[key] {
        Value::Null => Ok(None),
        Value::String(t) => parse_date(t, key).map(Some),
        other => panic!("bad date arg {other}"),
    }
}

fn count(args: &Value, key: &str) -> u32 {
    // Negative or oversized counts cannot be expressed in u32 callers; they map to 0 (invalid).
    args[key]
        .as_i64()
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

fn dates(v: Vec<schedule::Date>) -> Value {
    Value::Array(v.into_iter().map(|d| json!(d.to_string())).collect())
}

fn opt(v: Option<String>) -> Value {
    v.map_or(Value::Null, Value::String)
}

/// Runs one case; Ok(result JSON) or Err(error).
fn run(function: &str, args: &Value) -> Result<Value, RuleError> {
    Ok(match function {
        "normalize_amount" => {
            json!(
                money::normalize_amount(amount_arg(&args["amount"]), &s(args, "currency"))?
                    .amount
                    .to_string()
            )
        }
        "currency_exponent" => json!(money::currency_exponent(&s(args, "currency"))?),
        "to_minor_units" => json!(money::to_minor_units(
            amount_arg(&args["amount"]),
            &s(args, "currency")
        )?),
        "from_minor_units" => {
            let minor = args["minor"].as_i64().expect("minor");
            json!(money::from_minor_units(minor, &s(args, "currency"))?.to_string())
        }
        "split_installments" => {
            let parts = schedule::split_installments(
                amount_arg(&args["total"]),
                count(args, "count"),
                &s(args, "currency"),
            )?;
            Value::Array(parts.into_iter().map(|p| json!(p.to_string())).collect())
        }
        "installment_due_dates" => dates(schedule::installment_due_dates(
            date(args, "first_due_date")?,
            count(args, "count"),
        )?),
        "next_charge_date" => {
            let due = date(args, "due_date")?;
            let cycle = Cycle::parse(&s(args, "cycle"))?;
            let end = opt_date(args, "end_date")?;
            schedule::next_charge_date(due, cycle, end)?
                .map_or(Value::Null, |d| json!(d.to_string()))
        }
        "subscription_schedule" => {
            let due = date(args, "due_date")?;
            let cycle = Cycle::parse(&s(args, "cycle"))?;
            let end = opt_date(args, "end_date")?;
            dates(schedule::subscription_schedule(
                due,
                cycle,
                count(args, "count"),
                end,
            )?)
        }
        "validate_tax_id" => {
            json!(tax_id::validate_tax_id(&s(args, "value"), &s(args, "country"))?.as_str())
        }
        "card_brand" => json!(card::card_brand(&s(args, "card_number")).as_str()),
        "parse_pix_brcode" => {
            let c = pix::parse_pix_brcode(&s(args, "text"))?;
            json!({
                "payload_format_indicator": c.payload_format_indicator,
                "point_of_initiation_method": c.point_of_initiation_method,
                "gui": c.gui, "key": c.key, "url": c.url, "description": c.description,
                "merchant_category_code": c.merchant_category_code,
                "transaction_currency": c.transaction_currency, "amount": c.amount,
                "country_code": c.country_code, "merchant_name": c.merchant_name,
                "merchant_city": c.merchant_city, "postal_code": c.postal_code,
                "txid": c.txid, "crc": c.crc,
            })
        }
        "sign_webhook" => json!(webhook::sign_webhook(
            s(args, "raw_body").as_bytes(),
            &s(args, "secret"),
            args["timestamp"].as_i64().expect("timestamp"),
        )),
        "verify_webhook" => {
            let secrets: Vec<String> = args["secrets"]
                .as_array()
                .expect("secrets")
                .iter()
                .map(|v| v.as_str().expect("secret").to_string())
                .collect();
            let refs: Vec<&str> = secrets.iter().map(String::as_str).collect();
            let tolerance = args["tolerance_s"]
                .as_u64()
                .unwrap_or(webhook::DEFAULT_TOLERANCE_SECS);
            let ev = webhook::verify_webhook(
                s(args, "raw_body").as_bytes(),
                &s(args, "signature"),
                &s(args, "timestamp"),
                &refs,
                tolerance,
                args["now"].as_i64().expect("now"),
            )?;
            json!({
                "charge_uuid": ev.charge_uuid, "status": ev.status.as_str(),
                "transaction_reference": ev.transaction_reference,
                "subscription_uuid": ev.subscription_uuid, "payment_link_uuid": ev.payment_link_uuid,
                "amount": ev.amount, "currency": ev.currency, "error_code": ev.error_code,
                "error_message": ev.error_message, "refund_amount": ev.refund_amount,
                "chargeback_reason": ev.chargeback_reason, "created_at": opt(ev.created_at.clone()),
                "updated_at": ev.updated_at, "dedup_key": ev.dedup_key(),
            })
        }
        "validate" => {
            let kind = RequestKind::parse(&s(args, "kind"))?;
            let today = opt_date(args, "today")?;
            let issues = validate(kind, &args["payload"], today);
            Value::Array(
                issues
                    .into_iter()
                    .map(|i| json!({"code": i.code.as_str(), "severity": i.severity.as_str(), "field": i.field}))
                    .collect(),
            )
        }
        other => panic!("no runner for function {other}"),
    })
}

fn issue_set(v: &Value) -> BTreeSet<(String, String, String)> {
    v.as_array()
        .expect("issues")
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap_or_default().to_string(),
                i["severity"].as_str().unwrap_or_default().to_string(),
                i["field"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// `expected` objects list the keys to check; everything else must be equal.
fn matches(function: &str, expected: &Value, got: &Value) -> bool {
    if function == "validate" {
        return issue_set(expected) == issue_set(got);
    }
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            e.iter().all(|(k, v)| v == g.get(k).unwrap_or(&Value::Null))
        }
        _ => expected == got,
    }
}

#[test]
fn every_vector_file_passes() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files found");
    let (mut passed, mut failures) = (0usize, Vec::new());
    for path in &files {
        let doc: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
        let function = doc["function"].as_str().expect("function");
        for case in doc["cases"].as_array().expect("cases") {
            let name = case["name"].as_str().unwrap_or("?");
            let outcome = std::panic::catch_unwind(|| run(function, &case["args"]));
            let ok = match (&outcome, case.get("ok"), case.get("error")) {
                (Ok(Ok(got)), Some(want), None) => matches(function, want, got),
                (Ok(Err(err)), None, Some(code)) => {
                    Some(err.code.as_str()) == code.as_str()
                        && case.get("reason").is_none_or(|r| r.as_str() == err.reason)
                }
                _ => false,
            };
            if ok {
                passed += 1;
            } else {
                let got = match outcome {
                    Ok(Ok(v)) => v.to_string(),
                    Ok(Err(e)) => format!("error {} {:?}", e.code, e.reason),
                    Err(_) => "panic".to_string(),
                };
                failures.push(format!(
                    "{}: {name}\n    want {}\n    got  {got}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    case.get("ok").or(case.get("error")).unwrap_or(&Value::Null)
                ));
            }
        }
    }
    println!("{passed} vectors passed, {} failed", failures.len());
    assert!(
        failures.is_empty(),
        "{} vector failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
