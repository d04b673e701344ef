//! Writes `a55/_enums.py` and `a55/_models.py` from core's field lists (`a55_core::models::schema`):
//! the model classes are core's definitions, not a second copy of them.
//!
//! The files are committed (a type checker and an editor read them as they are). Two tests keep them
//! up to date: `cargo test -p a55-python` compares the committed text with what this module writes,
//! and the Python suite compares the installed package's files with `a55._a55._generated(...)`.
//! Regenerate with `A55_REGENERATE=1 cargo test -p a55-python codegen`.

use std::fmt::Write;

use a55_core::models::schema::{EnumSchema, FieldKind, FieldSchema, MODELS, ModelSchema};
use serde_json::json;

const HEADER: &str = "# Generated from a55-core's `models::schema` by bindings-python/src/codegen.rs: do not edit.\n\
# Regenerate: A55_REGENERATE=1 cargo test -p a55-python codegen (a test fails while it is stale).\n";

/// A member name for a wire value: `pre_captured` → `PRE_CAPTURED`.
fn member_name(value: &str) -> String {
    let mut name: String = value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// `_enums.py`: one open str-enum per core enum.
pub fn enums_module() -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\"\"\"The open enums of the A55 models: a value this version does not know is kept.\"\"\"\n\n\
         from ._model import OpenEnum\n",
    );
    for e in EnumSchema::ALL {
        let _ = write!(
            out,
            "\n\nclass {}(OpenEnum):\n    \"\"\"{} (wire text); one this version does not know is \
             kept, with ``is_known`` false.\"\"\"\n\n",
            e.name(),
            enum_doc(e)
        );
        for v in e.values() {
            let _ = writeln!(out, "    {} = {:?}", member_name(v), v);
        }
    }
    out.push('\n');
    for e in EnumSchema::ALL {
        let terminal = e.terminal_values();
        if !terminal.is_empty() {
            let items: Vec<String> = terminal.iter().map(|v| format!("{v:?}")).collect();
            let _ = writeln!(
                out,
                "{}._terminal = frozenset(({},))",
                e.name(),
                items.join(", ")
            );
        }
    }
    out.push_str("\n__all__ = [\n");
    for e in EnumSchema::ALL {
        let _ = writeln!(out, "    {:?},", e.name());
    }
    out.push_str("]\n");
    out
}

fn enum_doc(e: EnumSchema) -> &'static str {
    match e {
        EnumSchema::ChargeStatus => "A charge's status",
        EnumSchema::SubscriptionStatus => "A subscription's status",
        EnumSchema::CheckoutStatus => "A checkout session's status",
        EnumSchema::PaymentLinkStatus => "A payment link's status",
        EnumSchema::Currency => "A currency code",
        EnumSchema::Cycle => "A subscription's billing cycle",
        EnumSchema::TypeCharge => "A payment method (``type_charge``)",
    }
}

/// The Python type of a field.
fn py_type(field: &FieldSchema) -> String {
    let base = match field.kind {
        FieldKind::Text | FieldKind::Secret => "str".to_string(),
        FieldKind::Amount => "Decimal".to_string(),
        FieldKind::Date => "datetime.date".to_string(),
        FieldKind::Count => "int".to_string(),
        FieldKind::Enum(e) => e.name().to_string(),
        FieldKind::Model(m) => m.to_string(),
        FieldKind::Models(m) => return format!("list[{m}]"),
        FieldKind::Texts => return "list[str]".to_string(),
    };
    if field.required {
        base
    } else {
        format!("{base} | None")
    }
}

/// Whether a field is a list (never `None`).
fn is_list(field: &FieldSchema) -> bool {
    matches!(field.kind, FieldKind::Models(_) | FieldKind::Texts)
}

/// Whether core masks this field in a log line (personal data and secrets): then a repr does too.
pub fn masked(field: &FieldSchema) -> bool {
    if field.kind == FieldKind::Secret {
        return true;
    }
    let probe = json!({ field.name: "probe" });
    a55_core::logging::mask_body(&probe)[field.name] != "probe"
}

fn init_param(field: &FieldSchema) -> String {
    if is_list(field) {
        let item = match field.kind {
            FieldKind::Models(m) => m,
            _ => "str",
        };
        format!("{}: Iterable[{item}] = ()", field.name)
    } else if field.required {
        format!("{}: {}", field.name, py_type(field))
    } else {
        format!("{}: {} = None", field.name, py_type(field))
    }
}

fn model_class(out: &mut String, m: &ModelSchema) {
    let _ = write!(
        out,
        "\n\nclass {}(Model):\n    \"\"\"{}\"\"\"\n\n",
        m.name, m.doc
    );
    let fields: Vec<String> = m.fields.iter().map(|f| format!("{:?}", f.name)).collect();
    let _ = writeln!(out, "    _fields = ({},)", fields.join(", "));
    let lists: Vec<String> = m
        .fields
        .iter()
        .filter(|f| is_list(f))
        .map(|f| format!("{:?}", f.name))
        .collect();
    if !lists.is_empty() {
        let _ = writeln!(out, "    _lists = frozenset(({},))", lists.join(", "));
    }
    let masked_names: Vec<String> = m
        .fields
        .iter()
        .filter(|f| masked(f))
        .map(|f| format!("{:?}", f.name))
        .collect();
    if !masked_names.is_empty() {
        let _ = writeln!(
            out,
            "    _masked = frozenset(({},))",
            masked_names.join(", ")
        );
    }
    out.push('\n');
    for f in m.fields {
        let _ = writeln!(out, "    {}: {}", f.name, py_type(f));
    }
    out.push_str("\n    def __init__(\n        self,\n        *,\n");
    for f in m.fields {
        let _ = writeln!(out, "        {},", init_param(f));
    }
    out.push_str("    ) -> None:\n        self._set(locals())\n");
}

/// `_models.py`: one class per response model.
pub fn models_module() -> String {
    let mut out = String::from(HEADER);
    out.push_str(
        "\"\"\"The A55 response models: attribute access, ``Decimal`` amounts, ``datetime.date`` \
         dates,\nopen enums, ``to_dict()``, equality, and a repr that masks secrets and personal \
         data.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         import datetime\n\
         from collections.abc import Iterable\n\
         from decimal import Decimal\n\n\
         from ._enums import ",
    );
    let names: Vec<&str> = EnumSchema::ALL.iter().map(|e| e.name()).collect();
    out.push_str(&names.join(", "));
    out.push_str("\nfrom ._model import Model\n");
    for m in MODELS {
        model_class(&mut out, m);
    }
    out.push_str("\n\n__all__ = [\n");
    for m in MODELS {
        let _ = writeln!(out, "    {:?},", m.name);
    }
    out.push_str("]\n");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The committed files are what this module writes; `A55_REGENERATE=1` rewrites them.
    #[test]
    fn the_committed_model_modules_are_up_to_date() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("python/a55");
        for (file, text) in [
            ("_enums.py", enums_module()),
            ("_models.py", models_module()),
        ] {
            let path = dir.join(file);
            if std::env::var_os("A55_REGENERATE").is_some() {
                std::fs::write(&path, &text).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == text,
                "python/a55/{file} is stale: run A55_REGENERATE=1 cargo test -p a55-python codegen"
            );
        }
    }

    #[test]
    fn member_names_are_python_identifiers() {
        assert_eq!(member_name("pre_captured"), "PRE_CAPTURED");
        assert_eq!(member_name("3ds"), "_3DS");
        assert_eq!(member_name("e-wallet"), "E_WALLET");
    }
}
