//! Typed response models: statuses, currencies and cycles known and unknown, dates, typed pages, and
//! the one-pass reader agreeing with the `Value` path on each of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use a55_core::models::{
    Charge, CheckoutSession, Lenient, Model, Page, PaymentLink, PublicCharge, Subscription, Wallet,
};
use a55_core::money::Currency;
use a55_core::schedule::{Cycle, Date, format_date, parse_date};
use a55_core::status::{ChargeStatus, CheckoutStatus, PaymentLinkStatus, SubscriptionStatus};
use serde_json::{Value, json};

/// Decodes `text` both ways, checks they agree and that the raw JSON is the text, and returns it.
fn both<T: Model + PartialEq + std::fmt::Debug>(text: &str) -> T {
    let one_pass = T::from_slice(text.as_bytes()).expect("one pass");
    let value: Value = serde_json::from_str(text).unwrap();
    let from_value = T::from_json(value.clone()).expect("from a value");
    assert_eq!(one_pass, from_value, "{text}");
    assert_eq!(one_pass.raw().value(), &value, "{text}");
    assert_eq!(
        one_pass.raw().text(),
        text,
        "the raw text is kept byte for byte"
    );
    one_pass
}

fn d(text: &str) -> Date {
    parse_date(text, "d").unwrap()
}

/// Checks every known value of a status enum, an unknown one, and their JSON reading in a model.
macro_rules! check_status {
    ($ty:ident, $model:ty, |$m:ident| $field:expr) => {{
        for s in $ty::KNOWN {
            assert_eq!($ty::parse(s.as_str()), *s);
            assert_eq!(s.to_string(), s.as_str());
            assert!(!matches!(s, $ty::Unknown(_)));
            let text = format!(r#"{{"status": "{}"}}"#, s.as_str());
            let $m: $model = both(&text);
            assert_eq!($field, s.clone());
            assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{s}\""));
        }
        let unknown = $ty::parse("on_hold");
        assert_eq!(unknown, $ty::Unknown("on_hold".into()));
        assert_eq!(unknown.as_str(), "on_hold");
        assert!(!unknown.is_terminal());
        let $m: $model = both(r#"{"status": "on_hold"}"#);
        assert_eq!($field, unknown);
        // A status that is not text reads as absent (or unknown for a charge) in both paths.
        let $m: $model = both(r#"{"status": 7, "zzz": 1}"#);
        let _ = $field;
    }};
}

#[test]
fn every_status_known_and_unknown() {
    check_status!(ChargeStatus, Charge, |m| m.status.clone());
    check_status!(ChargeStatus, PublicCharge, |m| m.status.clone());
    check_status!(SubscriptionStatus, Subscription, |m| m
        .status
        .clone()
        .unwrap_or(SubscriptionStatus::Unknown("absent".into())));
    check_status!(CheckoutStatus, CheckoutSession, |m| m
        .status
        .clone()
        .unwrap_or(CheckoutStatus::Unknown("absent".into())));
    check_status!(PaymentLinkStatus, PaymentLink, |m| m
        .status
        .clone()
        .unwrap_or(PaymentLinkStatus::Unknown("absent".into())));
    // `cancelled` and `canceled` read as one status; each enum writes its catalogue's spelling.
    assert_eq!(ChargeStatus::parse("cancelled"), ChargeStatus::Canceled);
    assert_eq!(CheckoutStatus::parse("cancelled").as_str(), "canceled");
    assert_eq!(PaymentLinkStatus::parse("cancelled").as_str(), "canceled");
    assert_eq!(SubscriptionStatus::parse("canceled").as_str(), "cancelled");
    let co: CheckoutSession = both(r#"{"status": "completed", "charge_uuid": "c1"}"#);
    assert_eq!(co.status, Some(CheckoutStatus::Completed));
    assert!(co.status.unwrap().is_terminal());
    let co: CheckoutSession = both(r#"{"status": 7}"#);
    assert_eq!(co.status, None);
    assert_eq!(co.raw["status"], 7);
}

#[test]
fn every_currency_known_and_unknown() {
    for c in Currency::ALL {
        let read = Lenient::<Currency>::parse(c.code());
        assert_eq!(read, Lenient::Known(c));
        assert_eq!(Lenient::<Currency>::parse(read.as_str()), read);
        let text = format!(
            r#"{{"currency": "{c}", "installments": [{{"currency": "{c}", "local_currency": 1}}]}}"#
        );
        let charge: Charge = both(&text);
        assert_eq!(charge.currency, Some(Lenient::Known(c)));
        assert_eq!(charge.installments[0].currency, Some(Lenient::Known(c)));
        let wallet: Wallet = both(&format!(r#"{{"currency": "{c}"}}"#));
        assert_eq!(wallet.currency.unwrap().known(), Some(c));
        let link: PaymentLink = both(&format!(r#"{{"currency": "{c}", "local_currency": 5}}"#));
        assert_eq!(link.currency, Some(Lenient::Known(c)));
        let public: PublicCharge = both(&format!(r#"{{"currency": "{c}", "value": "1.50"}}"#));
        assert_eq!(public.currency, Some(Lenient::Known(c)));
    }
    for odd in ["GBP", "brl", "", " BRL"] {
        let read = Lenient::<Currency>::parse(odd);
        assert_eq!(read, Lenient::Unknown(odd.into()));
        assert_eq!(read.as_str(), odd);
        let text = json!({"currency": odd}).to_string();
        let co: CheckoutSession = both(&text);
        assert_eq!(co.currency, Some(Lenient::Unknown(odd.into())));
        assert_eq!(co.currency.unwrap().to_string(), odd);
    }
    // Not text: absent, and still in the raw JSON.
    let w: Wallet = both(r#"{"currency": 986}"#);
    assert_eq!(w.currency, None);
    assert_eq!(w.raw["currency"], 986);
}

#[test]
fn every_cycle_known_and_unknown() {
    for c in Cycle::ALL {
        let read = Lenient::<Cycle>::parse(c.as_str());
        assert_eq!(read, c);
        assert_eq!(Lenient::<Cycle>::parse(read.as_str()), read);
        let s: Subscription = both(&format!(r#"{{"cycle": "{c}"}}"#));
        assert_eq!(s.cycle, Some(Lenient::Known(c)));
        let charge: Charge = both(&format!(r#"{{"subscription": {{"cycle": "{c}"}}}}"#));
        assert_eq!(charge.subscription.unwrap().cycle, Some(Lenient::Known(c)));
    }
    let s: Subscription = both(r#"{"cycle": "daily"}"#);
    assert_eq!(s.cycle, Some(Lenient::Unknown("daily".into())));
    assert_eq!(s.cycle.unwrap().known(), None);
    let s: Subscription = both(r#"{"cycle": ["monthly"]}"#);
    assert_eq!(s.cycle, None);
}

#[test]
fn dates_are_dates_and_a_bad_one_reads_as_absent() {
    let text = r#"{"due_date": "2026-12-31", "date": "2026-11-21T10:00:00Z",
        "installments": [{"due_date": "2027-02-28", "installment_number": 3}],
        "subscription": {"next_charge_date": "2027-01-31", "end_date": "2027-12-31"}}"#;
    let c: Charge = both(text);
    assert_eq!(c.due_date, Some(d("2026-12-31")));
    assert_eq!(c.installments[0].due_date, Some(d("2027-02-28")));
    let info = c.subscription.clone().unwrap();
    assert_eq!(info.next_charge_date, Some(d("2027-01-31")));
    assert_eq!(info.end_date, Some(d("2027-12-31")));
    // Date-times stay text as received.
    assert_eq!(c.date.as_deref(), Some("2026-11-21T10:00:00Z"));
    assert_eq!(format_date(c.due_date.unwrap()), "2026-12-31");

    for bad in [
        json!("2026-02-30"),
        json!("31/12/2026"),
        json!("2026-12-31T00:00:00Z"),
        json!(" 2026-12-31"),
        json!("+026-12-31"),
        json!(""),
        json!(20261231),
        json!(true),
        json!({"y": 2026}),
        json!(["2026-12-31"]),
    ] {
        let text = json!({"due_date": bad, "end_date": bad, "next_due_date": bad,
            "installments": [{"due_date": bad}], "subscription": {"next_charge_date": bad, "end_date": bad}})
        .to_string();
        let c: Charge = both(&text);
        assert_eq!(c.due_date, None, "{bad}");
        assert_eq!(c.installments[0].due_date, None, "{bad}");
        let info = c.subscription.unwrap();
        assert_eq!(
            (info.next_charge_date, info.end_date),
            (None, None),
            "{bad}"
        );
        assert_eq!(c.raw["due_date"], bad, "the text stays in the raw JSON");
        assert_eq!(c.raw["installments"][0]["due_date"], bad);
        let s: Subscription = both(&text);
        assert_eq!((s.end_date, s.next_due_date), (None, None), "{bad}");
        assert_eq!(s.raw["next_due_date"], bad);
    }
    // `next_charge_date` is read for a subscription's `next_due_date` too.
    let s: Subscription = both(r#"{"next_charge_date": "2028-02-29", "end_date": null}"#);
    assert_eq!(s.next_due_date, Some(d("2028-02-29")));
    assert_eq!(s.end_date, None);
}

#[test]
fn pages_hold_typed_items() {
    let text = r#"{"page": 1, "limit": 2, "total": 3, "pages": 2, "data": [
        {"charge_uuid": "a", "status": "paid", "currency": "BRL", "local_currency": 150.00, "due_date": "2026-12-31"},
        {"charge_uuid": "b", "status": "cancelled", "currency": "XBT", "due_date": "soon", "brand_new": [1]}
    ]}"#;
    let page: Page<Charge> = both(text);
    assert_eq!(
        (page.page, page.limit, page.total, page.pages),
        (Some(1), Some(2), Some(3), Some(2))
    );
    assert_eq!(page.data.len(), 2);
    let (a, b) = (&page.data[0], &page.data[1]);
    assert_eq!(a.status, ChargeStatus::Paid);
    assert_eq!(a.currency, Some(Lenient::Known(Currency::Brl)));
    assert_eq!(a.local_currency.unwrap().to_string(), "150.00");
    assert_eq!(a.due_date, Some(d("2026-12-31")));
    assert_eq!(b.status, ChargeStatus::Canceled);
    assert_eq!(b.currency, Some(Lenient::Unknown("XBT".into())));
    assert_eq!(b.due_date, None);
    // Each item keeps its own raw JSON: in one pass, its text as received.
    assert_eq!(b.raw["brand_new"][0], 1);
    assert!(a.raw().text().contains("150.00"));
    assert_eq!(b.raw["due_date"], "soon");

    // Without `pages` (or any count): the items are still typed.
    let page: Page<Subscription> =
        both(r#"{"data": [{"subscription_uuid": "s", "cycle": "yearly", "status": "active"}]}"#);
    assert_eq!((page.page, page.pages, page.total), (None, None, None));
    assert_eq!(page.data[0].cycle, Some(Lenient::Known(Cycle::Yearly)));
    assert_eq!(page.data[0].status, Some(SubscriptionStatus::Active));
}

#[test]
fn a_page_skips_items_that_are_not_objects_and_keeps_them_raw() {
    let text = r#"{"pages": 1, "data": [1, "x", null, [], {"charge_uuid": "a"}, {}]}"#;
    let page: Page<Charge> = both(text);
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.data[0].charge_uuid.as_deref(), Some("a"));
    assert_eq!(page.data[1], Charge::from_json(json!({})).unwrap());
    assert_eq!(page.raw["data"].as_array().unwrap().len(), 6);
    // `data` that is not an array, or absent, is no items.
    for text in [
        r#"{"data": null}"#,
        r#"{"data": {"charge_uuid": "a"}}"#,
        r#"{"data": "x"}"#,
        r#"{"page": 2}"#,
    ] {
        let page: Page<Charge> = both(text);
        assert!(page.data.is_empty(), "{text}");
    }
}

#[test]
fn an_item_the_one_pass_reader_declines_reads_as_its_value_would() {
    // `pix_payload` as text, a status as a number, a key given twice: shapes the one-pass reader
    // hands back to the `Value` path, here inside a page read in one pass.
    let text = r#"{"data": [
        {"charge_uuid": "a", "pix_payload": "x", "status": 5, "currency": 986},
        {"charge_uuid": "b", "status": "paid", "status": "error", "subscription": {"cycle": 12}},
        {"charge_uuid": "c", "installments": "none", "message": {}}
    ]}"#;
    let page: Page<Charge> = both(text);
    assert_eq!(page.data.len(), 3);
    assert_eq!(page.data[0].pix_payload, None);
    assert_eq!(page.data[0].currency, None);
    assert_eq!(page.data[1].status, ChargeStatus::Error);
    assert_eq!(page.data[1].subscription.as_ref().unwrap().cycle, None);
    assert!(page.data[2].installments.is_empty());
    // A declined item still keeps its own text as received.
    assert!(
        page.data[1]
            .raw()
            .text()
            .contains(r#""status": "paid", "status": "error""#)
    );
    for (item, raw) in page.data.iter().zip(page.raw["data"].as_array().unwrap()) {
        assert_eq!(item, &Charge::from_json(raw.clone()).unwrap());
    }
}

#[test]
#[allow(deprecated)]
fn items_still_gives_the_items() {
    let page: Page<Charge> = both(r#"{"data": [{"charge_uuid": "a"}]}"#);
    assert_eq!(page.items(), page.data);
}

#[test]
fn amounts_are_decimals() {
    let text = r#"{"amount": "250.00", "currency": "CLP", "status": "active", "expires_at": "2026-12-31T23:59:59Z"}"#;
    let co: CheckoutSession = both(text);
    assert_eq!(co.amount.unwrap().to_string(), "250.00");
    assert_eq!(co.expires_at.as_deref(), Some("2026-12-31T23:59:59Z"));
    let link: PaymentLink =
        both(r#"{"local_currency": 99.9, "usd_currency": "17.5", "eur_currency": 1E+1}"#);
    assert_eq!(link.local_currency.unwrap().to_string(), "99.90");
    assert_eq!(link.usd_currency.unwrap().to_string(), "17.5");
    assert_eq!(link.eur_currency.unwrap().to_string(), "10.00");
}
