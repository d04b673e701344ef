#![allow(missing_docs, clippy::unwrap_used, clippy::print_stdout)]
use std::hint::black_box;
use std::time::Instant;
fn t(name: &str, n: u32, mut f: impl FnMut()) {
    for _ in 0..1000 {
        f();
    }
    let s = Instant::now();
    for _ in 0..n {
        f();
    }
    println!(
        "{name}: {:.2} µs",
        s.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
fn main() {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("../benches/seed_001.json")).unwrap();
    let today = a55_core::schedule::parse_date("2026-11-21", "t").ok();
    let n = 100_000;
    t("clone", n, || {
        black_box(v.clone());
    });
    t("validate", n, || {
        black_box(a55_core::validate::validate(
            a55_core::validate::RequestKind::Charge,
            &v,
            today,
        ));
    });
    t("tax", n, || {
        black_box(a55_core::tax_id::validate_tax_id("123.456.789-09", "BR")).ok();
    });
    t("country", n, || {
        black_box(a55_core::tax_id::is_country_code(black_box("BR")));
    });
    t("email", n, || {
        black_box(a55_core::formats::is_email(black_box(
            "zhangwei@example.com",
        )));
    });
    t("url", n, || {
        black_box(a55_core::formats::is_acceptable_callback_url(black_box(
            "https://your-app.com/webhooks/a55",
        )));
    });
    t("amount", n, || {
        black_box(a55_core::money::normalize_amount(
            black_box("150.00"),
            "BRL",
        ))
        .ok();
    });
    t("brand", n, || {
        black_box(a55_core::card::card_brand(black_box("4024007153763191")));
    });
    t("date", n, || {
        black_box(a55_core::schedule::parse_date(black_box("2026-12-31"), "d")).ok();
    });
}
