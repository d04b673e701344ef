//! Benchmarks of the public helpers.
#![allow(missing_docs, clippy::expect_used)]
use criterion::{Criterion, black_box, criterion_group, criterion_main};

use a55_core::{card, money, pix, schedule, tax_id, validate, webhook};

fn helpers(c: &mut Criterion) {
    c.bench_function("normalize_amount", |b| {
        b.iter(|| money::normalize_amount(black_box("10.005"), "BRL"))
    });
    c.bench_function("split_installments", |b| {
        b.iter(|| schedule::split_installments(black_box("100.00"), 12, "BRL"))
    });
    let due = schedule::parse_date("2026-12-31", "due_date").expect("date");
    c.bench_function("installment_due_dates_12", |b| {
        b.iter(|| schedule::installment_due_dates(black_box(due), 12))
    });
    c.bench_function("validate_tax_id_cpf", |b| {
        b.iter(|| tax_id::validate_tax_id(black_box("123.456.789-09"), "BR"))
    });
    c.bench_function("validate_tax_id_cnpj_alnum", |b| {
        b.iter(|| tax_id::validate_tax_id(black_box("12.ABC.345/01DE-35"), "BR"))
    });
    let seed_001: serde_json::Value =
        serde_json::from_str(include_str!("seed_001.json")).expect("seed");
    let today = schedule::parse_date("2026-11-21", "today").ok();
    c.bench_function("validate_seed_001_card_charge", |b| {
        b.iter(|| validate::validate(validate::RequestKind::Charge, black_box(&seed_001), today))
    });
    c.bench_function("card_brand", |b| {
        b.iter(|| card::card_brand(black_box("5067 0012 3456 7890")))
    });
    let code = pix::build_pix_brcode(&pix::BrCodeSpec {
        url: "pix.example.com/qr/v2/cobv/9d36b84fc70b478fb95c12729b90ca25",
        amount: Some("149.90"),
        merchant_name: "Loja Exemplo",
        merchant_city: "Sao Paulo",
        txid: Some("ORDER100"),
    })
    .expect("brcode");
    c.bench_function("parse_pix_brcode", |b| {
        b.iter(|| pix::parse_pix_brcode(black_box(&code)))
    });
    let body = br#"{"charge_uuid":"51dcca6e-7310-4b73-a94c-90835408f2ff","status":"paid","transaction_reference":"ORDER-2048"}"#;
    let sig = webhook::sign_webhook(body, "whsec_emulator", 1_795_000_000);
    c.bench_function("verify_webhook", |b| {
        b.iter(|| {
            webhook::verify_webhook(
                black_box(body),
                &sig,
                "1795000000",
                &["whsec_emulator"],
                300,
                1_795_000_010,
            )
        })
    });
}

criterion_group!(benches, helpers);
criterion_main!(benches);
