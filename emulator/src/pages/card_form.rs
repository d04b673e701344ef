//! The card form of the payer pages: its fields, each with a visible label, the browser's autofill
//! name and a numeric keyboard where digits go, and the errors next to the field they are about; and
//! the reading of a submitted form through core's `public_payment` validation, the rules the public
//! pay endpoint applies.

use a55_core::Issue;
use a55_core::validate::{RequestKind, prepare};
use serde_json::{Map, Value};

use super::escape;
use crate::app::Shared;
use crate::form;

/// One input: its name (the flat API's), label, autofill name, keyboard and example.
struct Input {
    name: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    numeric: bool,
    placeholder: &'static str,
    /// Whether a value typed in is shown again when the form comes back with an error. The card
    /// number and the CVV never are.
    kept: bool,
}

const INPUTS: [Input; 5] = [
    Input {
        name: "card_number",
        label: "Card number",
        autocomplete: "cc-number",
        numeric: true,
        placeholder: "4024 0071 5376 3130",
        kept: false,
    },
    Input {
        name: "card_name",
        label: "Name on card",
        autocomplete: "cc-name",
        numeric: false,
        placeholder: "As printed on the card",
        kept: true,
    },
    Input {
        name: "card_expiry_month",
        label: "Expiry month",
        autocomplete: "cc-exp-month",
        numeric: true,
        placeholder: "MM",
        kept: true,
    },
    Input {
        name: "card_expiry_year",
        label: "Expiry year",
        autocomplete: "cc-exp-year",
        numeric: true,
        placeholder: "YYYY",
        kept: true,
    },
    Input {
        name: "card_cvv",
        label: "Security code (CVV)",
        autocomplete: "cc-csc",
        numeric: true,
        placeholder: "123",
        kept: false,
    },
];

/// A submitted form's card: the flat payment body core validated, or the errors found.
pub(super) fn read(app: &Shared, fields: &[(String, String)]) -> Result<Value, Vec<Issue>> {
    let mut body = Map::new();
    for input in &INPUTS {
        let value = form::value(fields, input.name).unwrap_or_default();
        body.insert(input.name.to_string(), Value::String(value));
    }
    let prepared = prepare(
        RequestKind::PublicPayment,
        &Value::Object(body),
        Some(app.clock.today()),
    );
    let errors: Vec<Issue> = prepared
        .issues
        .into_iter()
        .filter(Issue::is_error)
        .collect();
    if errors.is_empty() {
        Ok(prepared.payload)
    } else {
        Err(errors)
    }
}

/// An issue as a payer reads it: core's sentence, with the field's label for its API name.
fn sentence(issue: &Issue) -> String {
    let text = INPUTS
        .iter()
        .find(|i| i.name == issue.field)
        .map_or(issue.description.clone(), |i| {
            issue.description.replace(i.name, i.label)
        });
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The list of errors at the top of a form that came back, focused so it is read first; each
/// entry links to its field.
pub(super) fn error_summary(errors: &[Issue]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let items: String = errors
        .iter()
        .map(|e| {
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                escape(&e.field),
                escape(&sentence(e))
            )
        })
        .collect();
    format!(
        "<div class=\"alert\" role=\"alert\" id=\"form-errors\" tabindex=\"-1\" autofocus>\
<h2>Please check the card details</h2><ul>{items}</ul></div>"
    )
}

/// The card inputs; `kept` gives the values typed before (only the kept fields are shown again).
pub(super) fn inputs(kept: &[(String, String)], errors: &[Issue]) -> String {
    let mut out = String::from("<fieldset><legend>Card</legend>");
    for (i, input) in INPUTS.iter().enumerate() {
        if i == 2 {
            out.push_str("<div class=\"row\">");
        }
        let error = errors.iter().find(|e| e.field == input.name);
        let value = if input.kept {
            form::value(kept, input.name).unwrap_or_default()
        } else {
            String::new()
        };
        let (aria, message) = match error {
            Some(e) => (
                format!(
                    " aria-invalid=\"true\" aria-describedby=\"{}-error\"",
                    input.name
                ),
                format!(
                    "<p class=\"error\" id=\"{}-error\">{}</p>",
                    input.name,
                    escape(&sentence(e))
                ),
            ),
            None => (String::new(), String::new()),
        };
        out.push_str(&format!(
            "<div class=\"field\"><label for=\"{n}\">{label}</label>\
<input id=\"{n}\" name=\"{n}\" autocomplete=\"{ac}\"{mode} placeholder=\"{ph}\" \
value=\"{value}\" required{aria}>{message}</div>",
            n = input.name,
            label = input.label,
            ac = input.autocomplete,
            mode = if input.numeric {
                " inputmode=\"numeric\""
            } else {
                ""
            },
            ph = input.placeholder,
            value = escape(&value),
        ));
        if i == INPUTS.len() - 1 {
            out.push_str("</div>");
        }
    }
    out.push_str("</fieldset>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use a55_core::IssueCode;

    #[test]
    fn errors_read_with_the_fields_label() {
        let issue = Issue::new(
            IssueCode::InvalidCvc,
            "card_cvv".to_string(),
            "card_cvv must be 3 digits for this card",
        );
        assert_eq!(
            sentence(&issue),
            "Security code (CVV) must be 3 digits for this card"
        );
        let expired = Issue::new(
            IssueCode::ExpiredCard,
            "card_expiry_year".to_string(),
            "the card expired at the end of 2025-12",
        );
        assert_eq!(sentence(&expired), "The card expired at the end of 2025-12");
    }

    #[test]
    fn the_card_number_and_cvv_are_never_shown_again() {
        let kept = [
            ("card_number".to_string(), "4024007153763130".to_string()),
            ("card_cvv".to_string(), "123".to_string()),
            ("card_name".to_string(), "Zhang <Wei>".to_string()),
        ];
        let html = inputs(&kept, &[]);
        assert!(!html.contains("value=\"4024007153763130\"") && !html.contains("value=\"123\""));
        assert!(html.contains("value=\"Zhang &lt;Wei&gt;\""));
        for input in &INPUTS {
            assert!(html.contains(&format!("<label for=\"{}\">", input.name)));
        }
    }
}
