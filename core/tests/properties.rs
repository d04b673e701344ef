//! Property tests: invariants that must hold for every input, not just the vectors.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::print_stdout,
    missing_docs
)]

use a55_core::models::{
    Charge, CheckoutSession, Model, Page, PaymentLink, PublicCharge, Subscription, Wallet,
};
use a55_core::money::{self, AmountArg, Currency};
use a55_core::pix::{BrCodeSpec, build_pix_brcode, parse_pix_brcode};
use a55_core::schedule::{self, Cycle, Date};
use a55_core::validate::{RequestKind, validate};
use a55_core::{Decimal, card, tax_id, webhook};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(Currency::ALL.to_vec())
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..=2200, 1u32..=12, 1u32..=31).prop_filter_map("real date", |(y, m, d)| {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
    })
}

fn cycle() -> impl Strategy<Value = Cycle> {
    prop::sample::select(Cycle::ALL.to_vec())
}

/// Arbitrary JSON: leaves with these `strings` among others, objects with these `keys`.
fn json_with(strings: Vec<&'static str>, keys: Vec<&'static str>) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::String),
        prop::sample::select(strings).prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(3, 48, 8, move |inner| {
        let keys = prop::sample::select(keys.clone());
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..12).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// Arbitrary JSON, biased towards the shapes validation looks at.
fn json() -> impl Strategy<Value = Value> {
    json_with(
        vec![
            "BRL",
            "CLP",
            "credit_card",
            "pix",
            "2026-12-31",
            "monthly",
            "4024007153763191",
            "123.456.789-09",
            "https://x.com/a",
            "SP",
            "01310-100",
            "BR",
            "12",
            "2030",
            "11111111-1111-1111-1111-111111111111",
            "1E+400",
            "-0",
            "NaN",
        ],
        vec![
            "wallet_uuid",
            "merchant_id",
            "payer_name",
            "payer_email",
            "payer_tax_id",
            "payer_cell_phone",
            "installment_value",
            "installment_count",
            "currency",
            "due_date",
            "description",
            "type_charge",
            "payer_address",
            "card_number",
            "card_cvv",
            "card_expiry_month",
            "card_expiry_year",
            "card_name",
            "subscription",
            "cycle",
            "end_date",
            "device_info",
            "threeds_authentication",
            "amount",
            "allowed_methods",
            "max_installments",
            "country",
            "postal_code",
            "state",
            "items",
            "quantity",
            "zzz",
        ],
    )
}

/// Arbitrary JSON shaped like A55's answers (the keys the response models read).
fn answer_json() -> impl Strategy<Value = Value> {
    json_with(
        vec![
            "paid",
            "error",
            "pending",
            "confirmed",
            "credit_card",
            "pix",
            "150.00",
            "1e2",
            "BRL",
            "brl",
            "XBT",
            "2026-12-31",
            "2026-02-30",
            "2026-12-31T23:59:59Z",
            "monthly",
            "daily",
            "active",
            "completed",
            "cancelled",
        ],
        vec![
            "charge_uuid",
            "status",
            "local_currency",
            "currency",
            "usd_currency",
            "type",
            "type_charge",
            "installments",
            "installment_count",
            "message",
            "pix_payload",
            "subscription",
            "refunded_amount",
            "wallet_uuid",
            "data",
            "pages",
            "count",
            "code",
            "description",
            "field",
            "due_date",
            "value",
            "amount",
            "client_secret",
            "emv",
            "checkout_uuid",
            "url",
            "cycle",
            "end_date",
            "next_charge_date",
            "next_due_date",
            "date",
            "expires_at",
            "created_at",
            "charges",
            "payment_link_uuid",
            "page",
            "limit",
            "total",
            "zzz",
        ],
    )
}

/// Decoding the text in one pass gives what decoding its parsed value gives.
fn same_decoding<T: Model + PartialEq + std::fmt::Debug>(
    value: &Value,
) -> Result<(), TestCaseError> {
    let text = serde_json::to_vec(value).unwrap();
    // The value as the text reads back: serde_json's default float parsing may land an extreme
    // float (1e-229) one step away from the one written; both paths read the same text.
    let value: Value = serde_json::from_slice(&text).unwrap();
    let one_pass = T::from_slice(&text);
    let from_value = T::from_json(value.clone());
    prop_assert_eq!(one_pass.is_ok(), from_value.is_ok());
    if let (Ok(a), Ok(b)) = (one_pass, from_value) {
        prop_assert_eq!(a.raw().value(), &value);
        let kept = a.raw().text();
        prop_assert_eq!(kept.as_bytes(), &text[..]);
        prop_assert_eq!(a, b);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_split_sums_to_its_normalized_total(minor in 1i64..=99_999_999_999, count in 1u32..=12, c in currency()) {
        let total = Decimal::new(minor, c.exponent());
        match schedule::split_installments(total, count, c.code()) {
            Ok(parts) => {
                let normalized = money::normalize_amount(total, c.code()).unwrap().amount;
                prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), normalized);
                prop_assert_eq!(parts.len(), count as usize);
                prop_assert!(parts.windows(2).all(|w| w[0] >= w[1]));
                prop_assert!(parts[0] - parts[parts.len() - 1] < Decimal::from(count) * c.unit());
            }
            Err(e) => prop_assert_eq!(e.code.as_str(), "AMOUNT_INVALID"),
        }
    }

    #[test]
    fn normalization_is_idempotent(text in "[0-9]{0,12}(\\.[0-9]{0,6})?", c in currency()) {
        if let Ok(first) = money::normalize_amount(text.as_str(), c.code()) {
            let again = money::normalize_amount(first.amount, c.code()).unwrap();
            prop_assert_eq!(again.amount, first.amount);
            prop_assert!(!again.rounded);
            prop_assert_eq!(first.amount.scale(), c.exponent());
        }
    }

    #[test]
    fn decimals_and_integers_read_as_their_text(
        mantissa in any::<i64>(), wide in any::<i128>(), scale in 0u32..=28, n in any::<i64>(),
    ) {
        let wide = wide % 79_228_162_514_264_337_593_543_950_335; // Decimal's 96-bit range
        for d in [Decimal::new(mantissa, scale), Decimal::from_i128_with_scale(wide, scale)] {
            let read = money::ExactDecimal::from_arg(AmountArg::Decimal(d), "amount").unwrap();
            let text = money::ExactDecimal::parse(&d.to_string(), "amount").unwrap();
            if d.is_zero() {
                prop_assert!(read.is_zero() && text.is_zero());
            } else {
                prop_assert_eq!(read, text, "{}", d);
            }
        }
        let read = money::ExactDecimal::from_arg(AmountArg::Integer(n.into()), "amount").unwrap();
        prop_assert_eq!(read, money::ExactDecimal::parse(&n.to_string(), "amount").unwrap());
        for c in Currency::ALL {
            let by_value = money::normalize_amount(Decimal::new(mantissa, scale), c.code());
            let by_text = money::normalize_amount(Decimal::new(mantissa, scale).to_string().as_str(), c.code());
            prop_assert_eq!(by_value.map(|x| x.amount).map_err(|e| e.message), by_text.map(|x| x.amount).map_err(|e| e.message));
        }
    }

    #[test]
    fn floats_read_as_their_shortest_text(f in 0.0f64..1e9) {
        let as_float = money::normalize_amount(AmountArg::Float(f), "BRL");
        let as_text = money::normalize_amount(format!("{f}").as_str(), "BRL");
        prop_assert_eq!(as_float.map(|n| n.amount).ok(), as_text.map(|n| n.amount).ok());
    }

    #[test]
    fn schedules_strictly_increase(d in date(), cy in cycle(), count in 1u32..=60) {
        if let Ok(dates) = schedule::subscription_schedule(d, cy, count, None) {
            prop_assert!(dates.first().is_none_or(|f| *f > d));
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
            prop_assert_eq!(schedule::next_charge_date(d, cy, None).ok().flatten(), dates.first().copied());
        }
        if let Ok(dates) = schedule::installment_due_dates(d, count.min(12)) {
            prop_assert_eq!(dates[0], d);
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn a_built_br_code_parses_back(
        url in "[a-z0-9.]{3,20}/[a-z0-9/]{1,40}",
        minor in proptest::option::of(1i64..=9_999_999_999),
        name in "\\PC{0,40}",
        city in "\\PC{0,30}",
        txid in proptest::option::of("[A-Za-z0-9]{1,30}"),
    ) {
        let amount = minor.map(|m| Decimal::new(m, 2).to_string());
        let code = build_pix_brcode(&BrCodeSpec {
            url: &url, amount: amount.as_deref(), merchant_name: &name, merchant_city: &city,
            txid: txid.as_deref(),
        }).unwrap();
        let parsed = parse_pix_brcode(&code).unwrap();
        prop_assert_eq!(parsed.url.as_deref(), Some(url.as_str()));
        prop_assert_eq!(parsed.amount, amount);
        prop_assert!(parsed.merchant_name.len() <= 25 && parsed.merchant_city.len() <= 15);
        // Any one changed character breaks the CRC or the structure.
        let mut bytes = code.clone().into_bytes();
        let i = code.len() / 2;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        if let Ok(changed) = String::from_utf8(bytes) {
            prop_assert!(parse_pix_brcode(&changed).is_err());
        }
    }

    #[test]
    fn a_signed_webhook_verifies_and_any_byte_change_fails(
        body in prop::collection::vec(any::<u8>(), 1..200),
        secret in "[ -~]{1,40}",
        ts in 1_000_000_000i64..2_000_000_000,
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let mut raw = br#"{"charge_uuid":"c","status":"paid","x":""#.to_vec();
        raw.extend(body.iter().map(|b| b'a' + b % 26));
        raw.extend(br#""}"#);
        let sig = webhook::sign_webhook(&raw, &secret, ts);
        let stamp = ts.to_string();
        prop_assert!(webhook::verify_webhook(&raw, &sig, &stamp, &[&secret], 300, ts).is_ok());
        let mut changed = raw.clone();
        let i = at.index(changed.len());
        changed[i] ^= flip;
        let err = webhook::verify_webhook(&changed, &sig, &stamp, &[&secret], 300, ts).unwrap_err();
        prop_assert_eq!(err.reason, Some("signature_mismatch"));
    }

    #[test]
    fn garbage_never_panics(text in "\\PC{0,64}", bytes in prop::collection::vec(any::<u8>(), 0..64), n in any::<i64>(), c in "\\PC{0,4}") {
        let _ = money::normalize_amount(text.as_str(), &c);
        let _ = money::normalize_amount(text.as_str(), "BRL");
        let _ = money::to_minor_units(text.as_str(), "CLP");
        let _ = money::from_minor_units(n, &c);
        let _ = money::currency_exponent(&c);
        let _ = schedule::split_installments(text.as_str(), (n & 31) as u32, "BRL");
        let _ = schedule::parse_date(&text, "d");
        let _ = Cycle::parse(&text);
        let _ = tax_id::validate_tax_id(&text, "BR");
        for country in ["CL", "AR", "MX", "CO", "PE", "US"] {
            let _ = tax_id::validate_tax_id(&text, country);
        }
        let _ = card::card_brand(&text);
        let _ = parse_pix_brcode(&text);
        let _ = parse_pix_brcode(&format!("000201{text}6304ABCD"));
        let _ = webhook::verify_webhook(&bytes, &text, &text, &[&c], 300, n);
        let _ = webhook::parse_webhook_event(&bytes);
    }

    #[test]
    fn one_pass_decoding_matches_decoding_a_value(value in answer_json()) {
        same_decoding::<Charge>(&value)?;
        same_decoding::<Wallet>(&value)?;
        same_decoding::<CheckoutSession>(&value)?;
        same_decoding::<Subscription>(&value)?;
        same_decoding::<PublicCharge>(&value)?;
        same_decoding::<PaymentLink>(&value)?;
        same_decoding::<Page<Charge>>(&value)?;
        same_decoding::<Page<Subscription>>(&value)?;
    }

    #[test]
    fn validate_never_panics_on_any_json(payload in json(), today in proptest::option::of(date())) {
        for kind in RequestKind::ALL {
            let issues = validate(kind, &payload, today);
            if !payload.is_object() {
                prop_assert_eq!(issues.len(), 1);
            }
        }
    }
}

#[test]
fn huge_inputs_are_refused_not_crashed() {
    let megabyte = "9".repeat(1 << 20);
    assert_eq!(
        money::normalize_amount(megabyte.as_str(), "BRL")
            .unwrap_err()
            .code
            .as_str(),
        "AMOUNT_INVALID"
    );
    let tiny = format!("0.{}1", "0".repeat(1 << 20));
    assert!(money::normalize_amount(tiny.as_str(), "BRL").is_err());
    assert!(money::normalize_amount("1e999999999999999999999", "BRL").is_err());
    assert!(money::normalize_amount("1e-999999999999999999999", "BRL").is_err());
    // Found by fuzzing: a zero with a huge exponent once looped a billion times.
    for zero in ["0e999999999", "-0E+999999999", "0.000e999999999"] {
        assert_eq!(
            money::normalize_amount(zero, "CLP")
                .unwrap_err()
                .code
                .as_str(),
            "AMOUNT_INVALID"
        );
    }
    assert_eq!(card::card_brand(&megabyte), card::CardBrand::Unknown);
    assert!(tax_id::validate_tax_id(&megabyte, "BR").is_err());
    assert!(parse_pix_brcode(&megabyte).is_err());
    let err = tax_id::validate_tax_id(&megabyte, "US").map(|k| k.as_str());
    assert_eq!(err, Ok("OTHER"));
    let e = money::normalize_amount(megabyte.as_str(), "BRL").unwrap_err();
    assert!(
        e.to_string().len() < 200,
        "error text must not carry the whole input"
    );
}

#[test]
fn a_key_given_twice_reads_as_a_value_reads_it() {
    // A `Value` keeps the last of duplicate keys; the one-pass reader must not fail or differ.
    let text = br#"{"charge_uuid":"a","status":"paid","status":"error","local_currency":"1.50"}"#;
    let one_pass = Charge::from_slice(text).unwrap();
    let from_value = Charge::from_json(serde_json::from_slice(text).unwrap()).unwrap();
    assert_eq!(one_pass.status.as_str(), "error");
    assert_eq!(one_pass, from_value);
    assert!(Charge::from_slice(b"{\"status\":").is_err());
}

#[test]
fn numbers_read_in_one_pass_as_a_value_reads_them() {
    // Found by fuzzing: `[-0]` (a struct read from an array) gave "-0" in one pass, "0" from a Value.
    for text in [
        "[-0]",
        "[-0.0]",
        "[0.0000001]",
        "[1e5]",
        "[1.50]",
        "[340282366920938463463374607431768211456]",
        // Found by fuzzing: a page's raw items kept this text in one pass, `1.7771e+95` from a Value.
        "[1,7,74022,71,[177710000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,7641]]",
        r#"{"charge_uuid":-0,"installment_count":-0,"local_currency":0.0000001}"#,
        r#"{"installments":[{"installment_number":-0,"local_currency":1E+2}]}"#,
    ] {
        let page = Page::<Charge>::from_slice(text.as_bytes()).ok();
        let page_value = Page::<Charge>::from_json(serde_json::from_str(text).unwrap()).ok();
        assert_eq!(page, page_value, "{text}");
        let one_pass = Charge::from_slice(text.as_bytes()).unwrap();
        let from_value = Charge::from_json(serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(one_pass, from_value, "{text}");
        assert_eq!(one_pass.charge_uuid, from_value.charge_uuid, "{text}");
        assert_eq!(
            one_pass.local_currency.map(|d| d.to_string()),
            from_value.local_currency.map(|d| d.to_string()),
            "{text}"
        );
    }
}
