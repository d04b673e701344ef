//! The one list of issue codes.
//!
//! Every code the SDK can report, locally or after reading a server answer, is declared here, once.
//! `docs/issue-codes.md` is the same list for users; a test checks the two agree.
//!
//! A55's own codes are used where A55 has one (`INVALID_TAX_ID`, `AMOUNT_INVALID`, …); the rest are
//! the SDK's. A code the SDK does not know (a new server code) is kept as [`IssueCode::Other`].

use std::fmt;

/// Whether an issue stops a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the request: nothing is sent.
    Error,
    /// Travels with the result: the request is sent.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! issue_codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $severity:ident; )*) => {
        /// A machine-readable issue code. `as_str()` gives the wire text (`"AMOUNT_INVALID"`).
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum IssueCode {
            $( $(#[$doc])* $variant, )*
            /// A code this version of the SDK does not know, kept as it was received.
            Other(String),
        }

        impl IssueCode {
            /// Every code the SDK itself can produce, in the order of `docs/issue-codes.md`.
            pub const ALL: &'static [IssueCode] = &[ $( IssueCode::$variant, )* ];

            /// The code's text.
            pub fn as_str(&self) -> &str {
                match self {
                    $( IssueCode::$variant => $text, )*
                    IssueCode::Other(s) => s,
                }
            }

            /// Reads a code; unknown text becomes [`IssueCode::Other`].
            pub fn parse(text: &str) -> IssueCode {
                match text {
                    $( $text => IssueCode::$variant, )*
                    other => IssueCode::Other(other.to_string()),
                }
            }

            /// The severity the SDK gives this code when it reports it itself.
            pub fn default_severity(&self) -> Severity {
                match self {
                    $( IssueCode::$variant => Severity::$severity, )*
                    IssueCode::Other(_) => Severity::Error,
                }
            }
        }
    };
}

issue_codes! {
    /// A required field is missing, null or empty.
    RequiredField = "REQUIRED_FIELD", Error;
    /// A value has the wrong JSON type (a string count, a string boolean, an object where text belongs).
    InvalidType = "INVALID_TYPE", Error;
    /// An amount is not a number, not above zero, or above 999,999,999.99 after normalization.
    AmountInvalid = "AMOUNT_INVALID", Error;
    /// The currency is not accepted here.
    CurrencyNotSupported = "CURRENCY_NOT_SUPPORTED", Error;
    /// `type_charge` is not one of the payment methods.
    InvalidTypeCharge = "INVALID_TYPE_CHARGE", Error;
    /// The payer's tax id fails its country's format or check digits.
    InvalidTaxId = "INVALID_TAX_ID", Error;
    /// An identifier is not a UUID (8-4-4-4-12 hex digits).
    InvalidUuid = "INVALID_UUID", Error;
    /// A date is not a real calendar date written `YYYY-MM-DD`.
    InvalidDate = "INVALID_DATE", Error;
    /// `due_date` is before today.
    DueDateInPast = "DUE_DATE_IN_PAST", Error;
    /// An email address is malformed.
    InvalidEmail = "INVALID_EMAIL", Error;
    /// A phone number is not 10–15 digits with its country code.
    InvalidPhone = "INVALID_PHONE", Error;
    /// A URL is malformed or not HTTPS (`webhook_url`, `cancel_url`).
    InvalidUrl = "INVALID_URL", Error;
    /// `redirect_url` is malformed or not HTTPS.
    InvalidRedirectUrl = "INVALID_REDIRECT_URL", Error;
    /// A postal code does not fit its country.
    InvalidPostalCode = "INVALID_POSTAL_CODE", Error;
    /// A state is not one of the country's (Brazil's 27 UFs).
    InvalidState = "INVALID_STATE", Error;
    /// A country is not an ISO 3166-1 alpha-2 code.
    InvalidCountry = "INVALID_COUNTRY", Error;
    /// An installment count is out of range for the payment method.
    InvalidInstallmentCount = "INVALID_INSTALLMENT_COUNT", Error;
    /// A card number is not 12–19 digits.
    InvalidCardNumber = "INVALID_CARD_NUMBER", Error;
    /// The card's expiry month or year is malformed.
    InvalidExpiry = "INVALID_EXPIRY", Error;
    /// The card expired before the end of its expiry month.
    ExpiredCard = "EXPIRED_CARD", Error;
    /// The CVV is not 3 digits (4 for Amex).
    InvalidCvc = "INVALID_CVC", Error;
    /// 3DS was asked for with card fields but without `device_info` (ip_address and user_agent).
    MissingDeviceInfo = "MISSING_DEVICE_INFO", Error;
    /// `allowed_methods` holds something that is not a payment method.
    InvalidAllowedMethod = "INVALID_ALLOWED_METHOD", Error;
    /// The subscription cycle is not one of the six.
    InvalidSubscriptionCycle = "INVALID_SUBSCRIPTION_CYCLE", Error;
    /// A subscription is not allowed here (not a card charge, end before start, schedule count).
    InvalidSubscription = "INVALID_SUBSCRIPTION", Error;
    /// A text value is too long or otherwise unacceptable.
    InvalidValue = "INVALID_VALUE", Error;
    /// A PIX BR Code is malformed or its CRC does not match.
    InvalidBrCode = "INVALID_BR_CODE", Error;
    /// A webhook's signature or timestamp does not verify.
    InvalidWebhookSignature = "INVALID_WEBHOOK_SIGNATURE", Error;
    /// A verified webhook body is not a charge event.
    InvalidWebhookPayload = "INVALID_WEBHOOK_PAYLOAD", Error;
    /// Warning: normalization changed an amount; the normalized value is sent.
    AmountRounded = "AMOUNT_ROUNDED", Warning;
    /// Warning: the card number fails the Luhn checksum (A55's sandbox accepts it, production does not).
    CardNumberChecksum = "CARD_NUMBER_CHECKSUM", Warning;
    /// Warning: a key the SDK does not know; it is kept and sent as it is.
    UnknownField = "UNKNOWN_FIELD", Warning;
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a request or reported by the server.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Issue {
    /// The code, e.g. `AMOUNT_INVALID`.
    pub code: IssueCode,
    /// Error (stops the request) or warning (travels with the result).
    pub severity: Severity,
    /// The path of the field, e.g. `payer_address.postal_code` or `allowed_methods[1]`. Empty when the
    /// issue is about the whole body.
    pub field: String,
    /// A sentence for people. Never contains a secret, a card number or a tax id.
    pub description: String,
}

impl Issue {
    /// An issue with the code's default severity.
    pub fn new(code: IssueCode, field: impl Into<String>, description: impl Into<String>) -> Issue {
        let severity = code.default_severity();
        Issue {
            code,
            severity,
            field: field.into(),
            description: description.into(),
        }
    }

    /// Whether the issue stops the request.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{} ({}): {}", self.code, self.severity, self.description)
        } else {
            write!(
                f,
                "{} ({}) at {}: {}",
                self.code, self.severity, self.field, self.description
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_and_is_documented() {
        let doc = include_str!("../../docs/issue-codes.md");
        for code in IssueCode::ALL {
            assert_eq!(&IssueCode::parse(code.as_str()), code);
            assert!(
                doc.contains(&format!("`{}`", code.as_str())),
                "{} is missing from docs/issue-codes.md",
                code
            );
        }
        assert_eq!(
            IssueCode::parse("errors.wallet.not_found"),
            IssueCode::Other("errors.wallet.not_found".into())
        );
    }
}
