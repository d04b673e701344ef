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

/// Quotes user text in a message, cut to a readable length (a 1 MB string stays out of logs).
pub(crate) fn quote(text: &str) -> String {
    const MAX: usize = 40;
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
