//! # a55-core
//!
//! Everything in the A55 SDK that has behaviour lives here, once: exact money, installment and
//! subscription schedules, tax-id check digits, card rules, PIX BR Codes, webhook signatures,
//! request validation and the models. The Python, Node, Kotlin and Swift packages are thin
//! translations of this crate, so the same input gives the same answer in every language; the JSON
//! vectors in `tests/vectors/` pin that down.
//!
//! ```
//! use a55_core::money::normalize_amount;
//! use a55_core::schedule::{split_installments, installment_due_dates, parse_date};
//!
//! // A55 stores two decimals, rounding half away from zero.
//! assert_eq!(normalize_amount("10.005", "BRL").unwrap().amount.to_string(), "10.01");
//! // The payer splits 100.00 in three: the remainder goes to the first installment.
//! let parts = split_installments("100.00", 3, "BRL").unwrap();
//! assert_eq!(parts.iter().map(|p| p.to_string()).collect::<Vec<_>>(), ["33.34", "33.33", "33.33"]);
//! // Installments fall on the same day each month, clamped to the month's end.
//! let due = installment_due_dates(parse_date("2026-12-31", "due_date").unwrap(), 3).unwrap();
//! assert_eq!(due[2].to_string(), "2027-02-28");
//! ```

#![deny(missing_docs)]

pub mod card;
#[cfg(feature = "client")]
pub mod client;
pub mod codes;
pub mod error;
mod field_lists;
pub mod formats;
pub mod host;
pub mod host_types;
pub mod idempotency;
pub mod logging;
pub mod models;
pub mod money;
pub mod pix;
pub mod redact;
pub mod schedule;
pub mod status;
pub mod tax_id;
pub mod validate;
pub mod webhook;

pub use codes::{Issue, IssueCode, Severity};
pub use error::{Error, ErrorKind, RuleError};
pub use rust_decimal::Decimal;
