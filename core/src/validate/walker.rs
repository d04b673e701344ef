//! The walker over a payload: one pass over each object, matching its keys against a field table
//! (`fields.rs`), checking presence, JSON types and context-free formats, and recording the
//! normalizations that `prepare` applies to what is sent.

use std::fmt;

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};

use super::TYPE_CHARGES;
use super::fields::{Field, MAX_FIELDS, Req, SALES_CHANNELS, Ty, name_sig};
use crate::card::{card_digits, card_number_length_ok, expiry_month, expiry_year, luhn_ok};
use crate::codes::{Issue, IssueCode};
use crate::error::quote;
use crate::formats::{is_acceptable_callback_url, is_email, is_phone, is_uuid};
use crate::schedule::{Cycle, Date, parse_date};
use crate::tax_id::is_country_code;

/// A step into a JSON value.
#[derive(Clone, Debug)]
pub(super) enum Seg {
    /// An object's key.
    Key(&'static str),
    /// An array's index.
    Index(usize),
}

/// A list written as `a, b, c` only when a message needs it.
struct Joined<'a>(&'a [&'a str]);

impl fmt::Display for Joined<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(item)?;
        }
        Ok(())
    }
}

/// One validation under way: the issues found so far and the normalizations to apply.
pub(super) struct Validator {
    /// Every issue found so far, in the order found.
    pub(super) issues: Vec<Issue>,
    /// The date due dates and card expiries are checked against.
    pub(super) today: Date,
    /// Where the value being checked sits.
    pub(super) at: Vec<Seg>,
    /// Normalizations to apply to the payload that is sent: (where, new value or removal).
    pub(super) rewrites: Vec<(Vec<Seg>, Option<Value>)>,
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where a field sits (`name` or `prefix.name`), written out only when an issue names it.
#[derive(Clone, Copy)]
struct Path<'a> {
    prefix: &'a str,
    name: &'a str,
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.prefix.is_empty() {
            f.write_str(self.prefix)?;
            f.write_str(".")?;
        }
        f.write_str(self.name)
    }
}

/// The path of `name` under `prefix`; top-level names (most of them) are not copied.
fn join<'a>(prefix: &str, name: &'a str) -> std::borrow::Cow<'a, str> {
    if prefix.is_empty() {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(format!("{prefix}.{name}"))
    }
}

/// An integer-valued JSON number (3 or 3.0 or 3e0), within i64.
fn as_integer(n: &Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let text = n.to_string();
    let d = text
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_scientific(&text).ok())?;
    if !d.fract().is_zero() {
        return None;
    }
    i64::try_from(d.trunc()).ok()
}

impl Validator {
    pub(super) fn push(
        &mut self,
        code: IssueCode,
        field: impl fmt::Display,
        description: impl Into<String>,
    ) {
        self.issues
            .push(Issue::new(code, field.to_string(), description));
    }

    /// Records a normalization of the value at the current place (or of its child `key`).
    pub(super) fn rewrite(&mut self, key: Option<&'static str>, value: Option<Value>) {
        let mut at = self.at.clone();
        at.extend(key.map(Seg::Key));
        self.rewrites.push((at, value));
    }

    /// Checks an object's fields against a spec: presence, JSON types and context-free formats.
    /// Unknown keys give warnings. Values are rewritten in place where normalization applies.
    pub(super) fn object(&mut self, obj: &Map<String, Value>, spec: &[Field], prefix: &str) {
        // One pass over the keys, matching each against the spec by name (no hashing): a field's
        // text is compared only when its signature (`fields::name_sig`) is the key's. Payloads
        // often list their fields in the documented order, so the search starts after the last
        // match. Unknown keys are reported in the payload's order, then fields in the spec's order.
        let mut slots: [Option<&Value>; MAX_FIELDS] = [None; MAX_FIELDS];
        let mut next = 0;
        for (key, value) in obj {
            let sig = name_sig(key);
            let matches = |j: &usize| spec.get(*j).is_some_and(|f| f.sig == sig && f.name == key);
            let found = (next..spec.len())
                .find(matches)
                .or_else(|| (0..next).find(matches));
            match found.and_then(|j| slots.get_mut(j).map(|slot| (j, slot))) {
                Some((j, slot)) => {
                    *slot = Some(value);
                    next = j + 1;
                }
                None => {
                    let path = join(prefix, key);
                    self.push(
                        IssueCode::UnknownField,
                        &path,
                        format!(
                            "{} is not a field the SDK knows; it is sent as it is",
                            quote(&path)
                        ),
                    );
                }
            }
        }
        for (field, slot) in spec.iter().zip(slots) {
            let value = match slot {
                None => None,
                Some(Value::Null) => {
                    self.rewrite(Some(field.name), None);
                    None
                }
                Some(v) => Some(v),
            };
            let path = Path {
                prefix,
                name: field.name,
            };
            match value {
                Some(Value::String(s)) if field.req == Req::Required && s.trim().is_empty() => {
                    self.push(
                        IssueCode::RequiredField,
                        path,
                        format!("{path} is required and must not be empty"),
                    );
                }
                Some(value) => {
                    self.at.push(Seg::Key(field.name));
                    self.value(value, field.ty, path);
                    self.at.pop();
                }
                None if field.req != Req::Optional => {
                    self.push(
                        IssueCode::RequiredField,
                        path,
                        format!("{path} is required"),
                    );
                }
                None => {}
            }
        }
    }

    fn type_error(&mut self, path: impl fmt::Display, expected: &str, got: &Value) {
        self.push(
            IssueCode::InvalidType,
            &path,
            format!("{path} must be {expected}, not {}", json_type(got)),
        );
    }

    fn text<'v>(&mut self, value: &'v Value, path: impl fmt::Display) -> Option<&'v str> {
        match value {
            Value::String(s) => Some(s),
            other => {
                self.type_error(path, "text", other);
                None
            }
        }
    }

    /// Text that must pass `ok`: a wrong JSON type is `INVALID_TYPE`, text that fails is `code`.
    fn format(
        &mut self,
        value: &Value,
        path: Path<'_>,
        ok: impl Fn(&str) -> bool,
        code: IssueCode,
        rule: impl fmt::Display,
    ) {
        if let Some(s) = self.text(value, path)
            && !ok(s)
        {
            self.push(code, path, format!("{path} {rule}"));
        }
    }

    fn value(&mut self, value: &Value, ty: Ty, path: Path<'_>) {
        match ty {
            Ty::Text | Ty::TaxId | Ty::PostalCode | Ty::State | Ty::Currency | Ty::Cvv => {
                self.text(value, path);
            }
            Ty::TextOrNumber => {
                if !matches!(value, Value::String(_) | Value::Number(_)) {
                    self.type_error(path, "text or a number", value);
                }
            }
            Ty::Uuid => self.format(
                value,
                path,
                is_uuid,
                IssueCode::InvalidUuid,
                "must be a UUID (8-4-4-4-12 hex digits)",
            ),
            Ty::Email => self.format(
                value,
                path,
                is_email,
                IssueCode::InvalidEmail,
                "must be an email address like name@example.com",
            ),
            Ty::Phone => self.format(
                value,
                path,
                is_phone,
                IssueCode::InvalidPhone,
                "must be a phone number with its country code: an optional + and 10 to 15 digits",
            ),
            Ty::Date => {
                // The path is written out only for an issue.
                if let Some(s) = self.text(value, path)
                    && parse_date(s, "").is_err()
                    && let Err(e) = parse_date(s, &path.to_string())
                {
                    self.issues.push(e.into_issue());
                }
            }
            Ty::Bool => {
                if !value.is_boolean() {
                    self.type_error(path, "true or false", value);
                }
            }
            Ty::Integer => match value {
                Value::Number(n) => match as_integer(n) {
                    Some(i) => {
                        if n.as_i64().is_none() {
                            self.rewrite(None, Some(Value::from(i)));
                        }
                    }
                    None => self.push(
                        IssueCode::InvalidType,
                        path,
                        format!("{path} must be a whole number"),
                    ),
                },
                other => self.type_error(path, "a whole number", other),
            },
            Ty::Amount => {
                if !matches!(value, Value::String(_) | Value::Number(_)) {
                    self.type_error(path, "a number or numeric text", value);
                }
            }
            Ty::TypeCharge => self.format(
                value,
                path,
                |s| TYPE_CHARGES.contains(&s),
                IssueCode::InvalidTypeCharge,
                format_args!(
                    "is not a payment method; use one of {}",
                    Joined(&TYPE_CHARGES)
                ),
            ),
            Ty::Url(redirect) => {
                let code = if redirect {
                    IssueCode::InvalidRedirectUrl
                } else {
                    IssueCode::InvalidUrl
                };
                self.format(
                    value,
                    path,
                    is_acceptable_callback_url,
                    code,
                    "must be a valid HTTPS URL",
                );
            }
            Ty::Country => self.format(
                value,
                path,
                is_country_code,
                IssueCode::InvalidCountry,
                "is not an ISO 3166-1 alpha-2 country code",
            ),
            Ty::Cycle => {
                if let Some(s) = self.text(value, path)
                    && let Err(e) = Cycle::parse(s)
                {
                    self.issues.push(e.at(path.to_string()).into_issue());
                }
            }
            Ty::CardNumber => {
                if let Some(s) = self.text(value, path) {
                    match card_digits(s) {
                        Some(d) if card_number_length_ok(&d) => {
                            if !luhn_ok(&d) {
                                self.push(
                                    IssueCode::CardNumberChecksum,
                                    path,
                                    format!("{path} fails the Luhn checksum: A55's sandbox accepts it, production answers INVALID_CARD"),
                                );
                            }
                            if d != s {
                                self.rewrite(None, Some(Value::String(d)));
                            }
                        }
                        _ => self.push(
                            IssueCode::InvalidCardNumber,
                            path,
                            format!("{path} must be 12 to 19 digits (spaces and dashes allowed)"),
                        ),
                    }
                }
            }
            Ty::ExpiryMonth => self.format(
                value,
                path,
                |s| expiry_month(s).is_some(),
                IssueCode::InvalidExpiry,
                "must be a month from 1 to 12 (\"1\" or \"01\")",
            ),
            Ty::ExpiryYear => self.format(
                value,
                path,
                |s| expiry_year(s).is_some(),
                IssueCode::InvalidExpiry,
                "must be a four-digit year (YYYY)",
            ),
            Ty::SalesChannel => self.format(
                value,
                path,
                |s| SALES_CHANNELS.contains(&s),
                IssueCode::InvalidValue,
                format_args!("must be one of {}", Joined(&SALES_CHANNELS)),
            ),
            Ty::Methods => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let p = format!("{path}[{i}]");
                        match item {
                            Value::String(s) if TYPE_CHARGES.contains(&s.as_str()) => {}
                            Value::String(s) => self.push(
                                IssueCode::InvalidAllowedMethod,
                                &p,
                                format!(
                                    "{p} {} is not a payment method; use one of {}",
                                    quote(s),
                                    TYPE_CHARGES.join(", ")
                                ),
                            ),
                            other => self.type_error(&p, "text", other),
                        }
                    }
                }
                other => self.type_error(path, "an array of payment methods", other),
            },
            Ty::Object(spec) => match value {
                Value::Object(obj) => self.object(obj, spec, &path.to_string()),
                other => self.type_error(path, "an object", other),
            },
            Ty::ObjectList(spec) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let p = format!("{path}[{i}]");
                        match item {
                            Value::Object(obj) => {
                                self.at.push(Seg::Index(i));
                                self.object(obj, spec, &p);
                                self.at.pop();
                            }
                            other => self.type_error(&p, "an object", other),
                        }
                    }
                }
                other => self.type_error(path, "an array", other),
            },
            Ty::AnyObject => {
                if !value.is_object() {
                    self.type_error(path, "an object", value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{RequestKind, validate};
    use super::name_sig;
    use serde_json::Value;

    /// A key whose signature equals a field's is still compared as text: `pzyer_name` shares
    /// `payer_name`'s length and sampled bytes, and is an unknown field, not the payer's name.
    #[test]
    fn a_key_with_a_fields_signature_is_not_taken_for_it() {
        assert_eq!(name_sig("pzyer_name"), name_sig("payer_name"));
        let mut payload: Value =
            serde_json::from_str(include_str!("../../benches/seed_001.json")).unwrap_or_default();
        let name = payload
            .as_object_mut()
            .and_then(|o| o.remove("payer_name"))
            .unwrap_or_default();
        if let Some(o) = payload.as_object_mut() {
            o.insert("pzyer_name".into(), name);
        }
        let today = crate::schedule::parse_date("2026-11-21", "today").ok();
        let found: Vec<(String, String)> = validate(RequestKind::Charge, &payload, today)
            .into_iter()
            .filter(|i| i.field.ends_with("_name"))
            .map(|i| (i.code.as_str().to_string(), i.field))
            .collect();
        assert_eq!(
            found,
            [
                ("UNKNOWN_FIELD".to_string(), "pzyer_name".to_string()),
                ("REQUIRED_FIELD".to_string(), "payer_name".to_string()),
            ]
        );
    }
}
