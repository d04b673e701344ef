//! The one error type of the Kotlin and Swift packages, mapped from `a55_core::Error`.
//!
//! uniffi turns `A55Error` into a sealed `A55Exception` hierarchy in Kotlin (`A55Exception.Validation`,
//! `A55Exception.RateLimit`, …) and an `A55Error` enum conforming to `Error` in Swift. There is one
//! variant per `a55_core::ErrorKind`, and every variant carries the same fields, so the HTTP client of
//! part 2 can raise any of them. The human sentence is called `detail`, never `message`: a field named
//! `message` clashes with `Throwable.message` and breaks kotlinc.

use std::fmt;
use std::time::Duration;

use a55_core::codes::Issue;
use a55_core::{Error, ErrorKind, RuleError};

macro_rules! a55_error {
    ({} {} {} $( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// Every failure of the A55 SDK. Kotlin sees `A55Exception` and its subclasses; Swift sees
        /// `A55Error`. The text never contains a secret, a card number or a tax id.
        #[derive(Debug, Clone, PartialEq, uniffi::Error)]
        #[uniffi::export(Display)]
        pub enum A55Error {
            $(
                $(#[$doc])*
                $variant {
                    /// The sentence for people, as the core writes it (with the HTTP status and the
                    /// request id when the server answered).
                    detail: String,
                    /// The HTTP status, when the server answered.
                    status: Option<i32>,
                    /// The error codes the server (or local validation) gave, e.g. `AMOUNT_INVALID`.
                    codes: Vec<String>,
                    /// The server's request id (`X-Request-Id`).
                    request_id: Option<String>,
                    /// The idempotency key of the call: repeat with it after an unknown outcome.
                    idempotency_key: Option<String>,
                    /// Validation issues, local or from the server.
                    issues: Vec<Issue>,
                    /// Why a webhook did not verify (`signature_mismatch`, `timestamp_too_old`, …).
                    reason: Option<String>,
                    /// How long the server asked to wait (429).
                    retry_after: Option<Duration>,
                    /// The response body as received, when it matched no known shape.
                    raw_body: Option<String>,
                },
            )*
        }

        impl From<Error> for A55Error {
            fn from(e: Error) -> A55Error {
                let detail = e.to_string();
                let status = e.status.map(i32::from);
                let Error { kind, codes, issues, reason, request_id, idempotency_key, retry_after, raw_body, .. } = e;
                match kind {
                    $( ErrorKind::$variant => A55Error::$variant {
                        detail, status, codes, request_id, idempotency_key, issues, reason, retry_after, raw_body,
                    }, )*
                    _ => A55Error::Api {
                        detail, status, codes, request_id, idempotency_key, issues, reason, retry_after, raw_body,
                    },
                }
            }
        }

        impl A55Error {
            fn detail(&self) -> &str {
                match self {
                    $( A55Error::$variant { detail, .. } => detail, )*
                }
            }
        }

        #[uniffi::export]
        impl A55Error {
            /// The kind's stable name: `validation`, `signature`, `rate_limit`, `unknown_outcome`, …
            pub fn kind(&self) -> String {
                match self {
                    $( A55Error::$variant { .. } => $name.to_string(), )*
                }
            }
        }
    };
}

// One variant per kind of core's list, with core's documentation.
a55_core::a55_error_kinds!(a55_error! { {} {} {} });

impl fmt::Display for A55Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
}

impl std::error::Error for A55Error {}

impl From<RuleError> for A55Error {
    fn from(e: RuleError) -> A55Error {
        Error::from(e).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use a55_core::IssueCode;

    #[test]
    fn rule_errors_map_to_validation_and_signature() {
        let e: A55Error = RuleError::new(IssueCode::AmountInvalid, "amount", "bad").into();
        assert_eq!(e.kind(), "validation");
        let A55Error::Validation { codes, issues, .. } = &e else {
            panic!("not validation: {e:?}");
        };
        assert_eq!(codes, &["AMOUNT_INVALID"]);
        assert_eq!(issues[0].field, "amount");
        let e: A55Error = RuleError::new(IssueCode::InvalidWebhookSignature, "signature", "no")
            .with_reason("signature_mismatch")
            .into();
        assert!(
            matches!(&e, A55Error::Signature { reason: Some(r), .. } if r == "signature_mismatch")
        );
        assert_eq!(e.to_string(), "no");
    }

    #[test]
    fn every_kind_keeps_its_fields() {
        let mut core = Error::new(ErrorKind::RateLimit, "slow down");
        core.status = Some(429);
        core.retry_after = Some(Duration::from_secs(3));
        core.request_id = Some("req_1".into());
        let e = A55Error::from(core);
        assert_eq!(e.kind(), "rate_limit");
        assert_eq!(e.to_string(), "slow down (HTTP 429, request req_1)");
        assert!(matches!(
            e,
            A55Error::RateLimit { status: Some(429), retry_after: Some(d), .. } if d.as_secs() == 3
        ));
    }
}
