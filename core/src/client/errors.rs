//! Turning an error answer into an [`Error`]. A55 answers errors in at least five shapes; each one
//! parses, and a body that matches none still gives a typed error with its raw text.
//!
//! 1. charge-level `{charge_uuid, status: "error", message: [{code, source, description, field}]}`;
//! 2. envelope `{"error": {"code", "message", "details": [{"field", "reason"}]}, "request_id"}`;
//! 3. flat `{"error": "Subscription not found"}`;
//! 4. wallet `{"error", "message", "code"}` (seed 004), with optional `details`;
//! 5. `{"message": "…"}` or `{"message": […]}` without `error`.

use serde_json::Value;

use crate::codes::{Issue, IssueCode, Severity};
use crate::error::{Error, ErrorKind};
use crate::redact::{mask_raw_body, mask_text};

/// A text of an error body. What a server writes is masked before it reaches a message, a repr or
/// a log: a card number or tax id it echoes keeps only its last two digits.
fn s(v: &Value) -> Option<String> {
    match v {
        Value::String(t) if !t.is_empty() => Some(mask_text(t).into_owned()),
        Value::Number(n) => Some(mask_text(&n.to_string()).into_owned()),
        _ => None,
    }
}

fn issue(code: Option<String>, field: Option<String>, description: Option<String>) -> Issue {
    Issue {
        code: IssueCode::parse(code.as_deref().unwrap_or("UNKNOWN")),
        severity: Severity::Error,
        field: field.unwrap_or_default(),
        description: description.unwrap_or_default(),
    }
}

/// The codes, issues, message and request id found in an error body.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub(crate) codes: Vec<String>,
    pub(crate) issues: Vec<Issue>,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) matched: bool,
}

fn messages(list: &[Value], out: &mut Parsed) {
    for m in list {
        match m {
            Value::Object(_) => {
                let code = s(&m["code"]);
                let description = s(&m["description"]).or_else(|| s(&m["message"]));
                if let Some(c) = &code {
                    out.codes.push(c.clone());
                }
                out.issues
                    .push(issue(code, s(&m["field"]), description.clone()));
                if out.message.is_none() {
                    out.message = description;
                }
            }
            Value::String(t) => {
                let t = mask_text(t).into_owned();
                out.issues.push(issue(None, None, Some(t.clone())));
                out.message.get_or_insert(t);
            }
            _ => {}
        }
    }
}

/// Reads any of the five shapes.
pub(crate) fn parse_body(body: &Value) -> Parsed {
    let mut out = Parsed {
        request_id: s(&body["request_id"]),
        ..Parsed::default()
    };
    match (&body["error"], &body["message"]) {
        // 2. envelope
        (Value::Object(e), _) => {
            out.matched = true;
            let code = s(&e["code"].clone());
            out.message = s(&e["message"].clone());
            if let Some(c) = &code {
                out.codes.push(c.clone());
            }
            match e.get("details") {
                Some(Value::Array(details)) if !details.is_empty() => {
                    for d in details {
                        out.issues.push(issue(
                            s(&d["code"]).or_else(|| code.clone()),
                            s(&d["field"]),
                            s(&d["reason"]).or_else(|| s(&d["message"])),
                        ));
                    }
                }
                _ => out.issues.push(issue(code, None, out.message.clone())),
            }
        }
        // 4. wallet {error, message, code} and 3. flat {"error": "…"}
        (Value::String(err), msg) => {
            out.matched = true;
            let err = &mask_text(err).into_owned();
            let code = s(&body["code"]).unwrap_or_else(|| err.clone());
            out.codes.push(code.clone());
            if let Value::Array(details) = &body["details"] {
                for d in details {
                    out.issues.push(issue(
                        s(&d["code"]).or_else(|| Some(code.clone())),
                        s(&d["field"]),
                        s(&d["reason"]),
                    ));
                }
            }
            out.message = s(msg).or_else(|| Some(err.clone()));
            if out.issues.is_empty() {
                out.issues
                    .push(issue(Some(code), None, out.message.clone()));
            }
        }
        // 1. charge-level, and 5. a message list without `error`
        (_, Value::Array(list)) => {
            out.matched = true;
            messages(list, &mut out);
        }
        // 5. a message string
        (_, Value::String(m)) => {
            out.matched = true;
            out.message = Some(mask_text(m).into_owned());
        }
        _ => {}
    }
    out
}

/// The kind of an HTTP error status.
pub(crate) fn kind_for(status: u16) -> ErrorKind {
    match status {
        400 | 422 => ErrorKind::Validation,
        401 => ErrorKind::Authentication,
        403 => ErrorKind::Permission,
        404 => ErrorKind::NotFound,
        409 => ErrorKind::Conflict,
        429 => ErrorKind::RateLimit,
        500..=599 => ErrorKind::Server,
        _ => ErrorKind::Api,
    }
}

/// The error for an HTTP error answer.
#[cold]
pub(crate) fn from_response(status: u16, body: &[u8], header_request_id: Option<String>) -> Error {
    let value: Option<Value> = serde_json::from_slice(body).ok();
    let parsed = value.as_ref().map(parse_body).unwrap_or_default();
    let kind = kind_for(status);
    let message = parsed.message.clone().unwrap_or_else(|| {
        format!(
            "A55 answered HTTP {status} {}",
            match kind {
                ErrorKind::Validation => "(validation)",
                ErrorKind::Authentication => "(authentication)",
                ErrorKind::Permission => "(permission denied)",
                ErrorKind::NotFound => "(not found)",
                ErrorKind::Conflict => "(conflict)",
                ErrorKind::RateLimit => "(rate limited)",
                ErrorKind::Server => "(server error)",
                _ => "",
            }
        )
    });
    let mut e = Error::new(kind, message);
    e.status = Some(status);
    e.codes = parsed.codes;
    e.issues = parsed.issues;
    e.request_id = header_request_id.or(parsed.request_id);
    if !parsed.matched {
        e.raw_body = Some(mask_raw_body(body));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_shape() {
        let charge = from_response(
            422,
            json!({"charge_uuid": null, "status": "error", "message": [{"code": "INVALID_TAX_ID", "source": "validation", "description": "bad", "field": "payer_tax_id"}]}).to_string().as_bytes(),
            Some("req_1".into()),
        );
        assert_eq!(charge.kind, ErrorKind::Validation);
        assert_eq!(charge.codes, ["INVALID_TAX_ID"]);
        assert_eq!(charge.issues[0].field, "payer_tax_id");
        assert_eq!(charge.request_id.as_deref(), Some("req_1"));
        let env = from_response(
            429,
            json!({"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many", "details": [{"field": "rate_limit", "reason": "x"}]}, "request_id": "req_2"}).to_string().as_bytes(),
            None,
        );
        assert_eq!(
            (env.kind, env.codes[0].as_str(), env.request_id.as_deref()),
            (ErrorKind::RateLimit, "RATE_LIMIT_EXCEEDED", Some("req_2"))
        );
        let flat = from_response(404, br#"{"error": "Subscription not found"}"#, None);
        assert_eq!(
            (flat.kind, flat.message.as_str()),
            (ErrorKind::NotFound, "Subscription not found")
        );
        let wallet = from_response(
            409,
            br#"{"error": "validation_error", "message": "Wallet already exists for this merchant and currency", "code": "errors.wallet.already_exists"}"#,
            None,
        );
        assert_eq!(wallet.codes, ["errors.wallet.already_exists"]);
        let msg = from_response(500, br#"{"message": "boom"}"#, None);
        assert_eq!(
            (msg.kind, msg.message.as_str()),
            (ErrorKind::Server, "boom")
        );
        let raw = from_response(502, b"<html>Bad gateway</html>", None);
        assert_eq!(raw.raw_body.as_deref(), Some("<html>Bad gateway</html>"));
        assert_eq!(raw.kind, ErrorKind::Server);
    }

    #[test]
    fn server_text_is_masked_before_it_reaches_an_error() {
        let bodies: [&[u8]; 5] = [
            br#"{"charge_uuid": null, "status": "error", "message": [{"code": "X", "description": "card 4024007153763191 refused", "field": "card_number"}]}"#,
            br#"{"error": "tax id 12345678909 is blocked", "message": "CPF 123.456.789-09 blocked"}"#,
            br#"{"message": "card 4024 0071 5376 3191 refused"}"#,
            br#"{"card_number": 4024007153763191, "payer_tax_id": "12345678909"}"#,
            b"<html>card 4024007153763191</html>",
        ];
        for body in bodies {
            let e = from_response(422, body, None);
            let shown = format!("{e} {e:?}");
            for secret in ["402400715376", "4024 0071", "123456789", "123.456.789"] {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
        }
    }
}
