//! How a response model is written for a host language (`Serialize`): the shape every package
//! hands its users, the same in each.
//!
//! Amounts are decimal text with the digits the server sent (`"450.00"`: never a binary float),
//! dates are `YYYY-MM-DD`, statuses, currencies and cycles their wire text (an unknown one as it
//! was received), absent values `null`, and field names the Rust ones (`type_charge`, not the
//! wire's `type`). The raw JSON is not part of it: each package hands it over beside the model.

use rust_decimal::Decimal;
use serde::Serializer;

use crate::schedule::{Date, format_date};

/// An optional amount as decimal text.
pub(crate) fn opt_amount<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// An optional date as `YYYY-MM-DD`.
pub(crate) fn opt_date<S: Serializer>(value: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => s.serialize_str(&format_date(*d)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use serde_json::json;

    use crate::models::{Charge, Model, Page, Wallet};

    #[test]
    fn a_charge_is_written_with_decimal_text_dates_and_wire_statuses() {
        let text = br#"{"charge_uuid":"c1","status":"cancelled","local_currency":450.00,
            "currency":"BRL","type":"credit_card","due_date":"2026-12-01",
            "installments":[{"local_currency":150,"due_date":"2027-01-01","status":"paid",
            "installment_number":2,"currency":"XYZ"}],
            "subscription":{"cycle":"fortnightly","next_charge_date":"not a date"},
            "pix_payload":{"payload":"000201"},"extra":1}"#;
        let charge = Charge::from_slice(text).unwrap();
        let host = serde_json::to_value(&charge).unwrap();
        assert_eq!(host["status"], "canceled");
        assert_eq!(host["local_currency"], "450.00");
        assert_eq!(host["currency"], "BRL");
        assert_eq!(host["type_charge"], "credit_card");
        assert_eq!(host["due_date"], "2026-12-01");
        assert_eq!(host["usd_currency"], json!(null));
        let first = &host["installments"][0];
        assert_eq!(first["local_currency"], "150");
        assert_eq!(first["currency"], "XYZ");
        assert_eq!(first["due_date"], "2027-01-01");
        assert_eq!(first["installment_number"], 2);
        assert_eq!(host["subscription"]["cycle"], "fortnightly");
        assert_eq!(host["subscription"]["next_charge_date"], json!(null));
        assert_eq!(host["pix_payload"]["copy_paste"], "000201");
        assert!(host.get("raw").is_none() && host.get("extra").is_none());
    }

    #[test]
    fn a_page_and_a_wallet_are_written_whole() {
        let page = Page::<Charge>::from_slice(
            br#"{"page":1,"limit":2,"total":3,"pages":2,"data":[{"status":"paid"},7]}"#,
        )
        .unwrap();
        let host = serde_json::to_value(&page).unwrap();
        assert_eq!(host["pages"], 2);
        assert_eq!(host["data"].as_array().unwrap().len(), 1);
        assert_eq!(host["data"][0]["status"], "paid");
        let wallet = Wallet::from_slice(
            br#"{"wallet_uuid":"w","credentials":{"client_id":"id","client_secret":"s3cr3t"}}"#,
        )
        .unwrap();
        // The secret is the user's to store: the data carries it (only `Debug` masks it).
        let host = serde_json::to_value(&wallet).unwrap();
        assert_eq!(host["credentials"]["client_secret"], "s3cr3t");
        assert!(!format!("{wallet:?}").contains("s3cr3t"));
    }
}
