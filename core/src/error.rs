//! The error of the public helpers (money, schedules, tax ids, BR Codes, webhooks).
//!
//! A [`RuleError`] names the argument at fault and the rule it broke, with a contract code. Its text
//! never repeats a secret, a card number or a tax id.

use std::fmt;

use crate::codes::{Issue, IssueCode};

/// A helper refused its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The contract code, e.g. `AMOUNT_INVALID`.
    pub code: IssueCode,
    /// The argument or field at fault, e.g. `amount` or `payer_address.country`.
    pub field: String,
    /// A finer reason where the code has several (webhook verification: `signature_mismatch`, …).
    pub reason: Option<&'static str>,
    /// A sentence for people.
    pub message: String,
}

impl RuleError {
    /// A new error.
    pub fn new(code: IssueCode, field: impl Into<String>, message: impl Into<String>) -> RuleError {
        RuleError {
            code,
            field: field.into(),
            reason: None,
            message: message.into(),
        }
    }

    /// The same error with a reason.
    pub fn with_reason(mut self, reason: &'static str) -> RuleError {
        self.reason = Some(reason);
        self
    }

    /// The same error about another field (a helper's argument reused inside a payload).
    pub fn at(mut self, field: impl Into<String>) -> RuleError {
        self.field = field.into();
        self
    }

    /// The error as a validation issue.
    pub fn into_issue(self) -> Issue {
        Issue::new(self.code, self.field, self.message)
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}: {}", self.code, self.field, self.message)?;
        if let Some(reason) = self.reason {
            write!(f, " ({reason})")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleError {}

/// Quotes user text in a message, cut to a readable length (a 1 MB string stays out of logs). Text
/// with 11 or more digits is not repeated at all: it may be a card number or a tax id passed in the
/// wrong argument.
pub(crate) fn quote(text: &str) -> String {
    const MAX: usize = 40;
    if text.bytes().filter(u8::is_ascii_digit).count() >= 11 {
        return "(value hidden: it looks like a card or document number)".to_string();
    }
    let mut out = String::from("'");
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX) {
        if c.is_control() {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('\'');
    out
}

macro_rules! declare_error_kinds {
    ({} {} {} $($(#[$doc:meta])* $kind:ident = $name:literal,)*) => {
        /// The kind of an [`Error`]: each language maps it to its own exception class.
        ///
        /// New kinds may be added in a minor release, so a `match` outside this crate needs a `_`
        /// arm.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $($(#[$doc])* $kind,)*
        }

        impl ErrorKind {
            /// A stable name: `validation`, `signature`, `authentication`, …
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKind::$kind => $name,)*
                }
            }
        }
    };
}
crate::a55_error_kinds!(declare_error_kinds! { {} {} {} });

impl ErrorKind {
    /// Whether the outcome is definite: the server certainly did not act (or answered).
    pub fn is_definite(self) -> bool {
        self != ErrorKind::UnknownOutcome
    }
}

/// What caused an [`Error`]: the TLS, DNS or I/O error behind a connection failure, or the failure
/// behind an unknown outcome. Shared, so an error stays cheap to clone.
pub type Cause = std::sync::Arc<dyn std::error::Error + Send + Sync + 'static>;

/// Every failure of the SDK, in one type. Its text never contains a secret, a card number or a tax id.
#[derive(Debug, Clone)]
pub struct Error {
    /// What happened.
    pub kind: ErrorKind,
    /// A sentence for people.
    pub message: String,
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    /// The error codes the server (or local validation) gave.
    pub codes: Vec<String>,
    /// Validation issues, local or from the server.
    pub issues: Vec<Issue>,
    /// The webhook verification reason (`signature_mismatch`, …) for [`ErrorKind::Signature`].
    pub reason: Option<String>,
    /// The server's request id (`X-Request-Id`).
    pub request_id: Option<String>,
    /// The idempotency key of the call: repeat with it after an unknown outcome.
    pub idempotency_key: Option<String>,
    /// How long the server asked to wait (429).
    pub retry_after: Option<std::time::Duration>,
    /// The response body, when it matched no known shape: personal and secret fields masked,
    /// truncated to 2 KiB.
    pub raw_body: Option<String>,
    /// The underlying error, also reached through [`std::error::Error::source`].
    pub source: Option<Cause>,
}

/// Errors compare by what they say; their causes are not compared.
impl PartialEq for Error {
    fn eq(&self, other: &Error) -> bool {
        self.kind == other.kind
            && self.message == other.message
            && self.status == other.status
            && self.codes == other.codes
            && self.issues == other.issues
            && self.reason == other.reason
            && self.request_id == other.request_id
            && self.idempotency_key == other.idempotency_key
            && self.retry_after == other.retry_after
            && self.raw_body == other.raw_body
    }
}

impl Error {
    /// A new error of a kind.
    #[cold]
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            status: None,
            codes: Vec::new(),
            issues: Vec::new(),
            reason: None,
            request_id: None,
            idempotency_key: None,
            retry_after: None,
            raw_body: None,
            source: None,
        }
    }

    /// A local validation failure carrying its issues (errors and warnings).
    #[cold]
    pub fn validation(issues: Vec<Issue>) -> Error {
        let errors: Vec<&Issue> = issues.iter().filter(|i| i.is_error()).collect();
        let message = match errors.as_slice() {
            [] => "the request is invalid".to_string(),
            [one] => one.to_string(),
            [first, rest @ ..] => format!("{first} (and {} more issues)", rest.len()),
        };
        let mut e = Error::new(ErrorKind::Validation, message);
        e.codes = errors.iter().map(|i| i.code.as_str().to_string()).collect();
        e.issues = issues;
        e
    }

    /// Whether repeating the same call (same idempotency key) may succeed.
    pub fn is_retryable(&self) -> bool {
        match self.kind {
            ErrorKind::RateLimit
            | ErrorKind::Server
            | ErrorKind::Connection
            | ErrorKind::Timeout
            | ErrorKind::UnknownOutcome => true,
            ErrorKind::Conflict => self.codes.iter().any(|c| c == "IDEMPOTENCY_KEY_IN_USE"),
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status}")?;
            if let Some(id) = &self.request_id {
                write!(f, ", request {id}")?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<RuleError> for Error {
    fn from(e: RuleError) -> Error {
        if e.code == IssueCode::InvalidWebhookSignature {
            let mut out = Error::new(ErrorKind::Signature, e.message.clone());
            out.codes = vec![e.code.as_str().to_string()];
            out.reason = e.reason.map(str::to_string);
            out
        } else {
            Error::validation(vec![e.into_issue()])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_hides_long_numbers_and_cuts_long_text() {
        assert_eq!(quote("brl"), "'brl'");
        assert!(!quote("4024007153763191").contains("4024"));
        assert!(!quote("123.456.789-09").contains("789"));
        assert!(quote(&"x".repeat(1000)).len() < 60);
    }
}
