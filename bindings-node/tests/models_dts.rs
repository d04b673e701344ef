//! `lib/models.d.ts` is generated from core's description of its response models
//! (`a55_core::models::schema`): this test renders it and fails when the committed file differs.
//! `A55_UPDATE_TYPES=1 cargo test -p a55-node --test models_dts` writes it.

use std::fmt::Write as _;

use a55_core::host_types::HELPER_MODELS;
use a55_core::models::schema::{EnumSchema, FieldKind, MODELS};
use a55_core::validate::RequestKind;
use a55_core::validate::describe::{PayloadField, PayloadShape, payload_fields};

fn ts(kind: FieldKind) -> String {
    match kind {
        FieldKind::Text | FieldKind::Secret => "string".into(),
        FieldKind::Amount => "DecimalString".into(),
        FieldKind::Date => "DateString".into(),
        FieldKind::Count => "number".into(),
        FieldKind::Enum(e) => e.name().into(),
        FieldKind::Model(name) => name.into(),
        FieldKind::Models(name) => format!("{name}[]"),
        FieldKind::Texts => "string[]".into(),
    }
}

fn render() -> String {
    let mut models = String::new();
    for m in MODELS.iter().chain(HELPER_MODELS) {
        let _ = writeln!(models, "/** {} */\nexport interface {} {{", m.doc, m.name);
        for f in m.fields {
            let t = ts(f.kind);
            let t = if f.required { t } else { format!("{t} | null") };
            let _ = writeln!(models, "  {}: {t}", f.name);
        }
        models.push_str("}\n\n");
    }
    let mut out = String::from(
        "// Generated from the Rust core's response and helper models (a55_core::models::schema,\n\
         // a55_core::host_types) by\n\
         // tests/models_dts.rs: do not edit. Field names are core's (snake_case); amounts are\n\
         // decimal strings, dates `YYYY-MM-DD` strings, absent values `null`.\n\n\
         /** An amount as decimal text, exactly as the server sent it (\"450.00\"): never a JS number. */\n\
         export type DecimalString = string\n\n\
         /** A calendar date, `YYYY-MM-DD`. */\n\
         export type DateString = string\n\n",
    );
    for e in EnumSchema::ALL {
        let union: Vec<String> = e.values().iter().map(|k| format!("'{k}'")).collect();
        let _ = writeln!(
            out,
            "/** A {} this version knows, or (`string & {{}}`) one it does not, kept as received. */\nexport type {} = {} | (string & {{}})\n",
            e.name(),
            e.name(),
            union.join(" | ")
        );
    }
    out.push_str(&models);
    out.trim_end().to_string() + "\n"
}

fn union(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    quoted.join(" | ")
}

fn payload_ts(shape: &PayloadShape, indent: usize) -> String {
    match shape {
        PayloadShape::Text | PayloadShape::Date => "string".into(),
        PayloadShape::Amount | PayloadShape::TextOrNumber => "string | number".into(),
        PayloadShape::Integer => "number".into(),
        PayloadShape::Bool => "boolean".into(),
        PayloadShape::OneOf(values) => union(values),
        PayloadShape::ListOf(values) => format!("Array<{}>", union(values)),
        PayloadShape::Object(fields) => object_ts(fields, indent),
        PayloadShape::Objects(fields) => format!("Array<{}>", object_ts(fields, indent)),
        PayloadShape::AnyObject => "Record<string, unknown>".into(),
    }
}

fn object_ts(fields: &[PayloadField], indent: usize) -> String {
    let pad = "  ".repeat(indent + 1);
    let mut out = String::from("{\n");
    for f in fields {
        let opt = if f.required { "" } else { "?" };
        let _ = writeln!(
            out,
            "{pad}{}{opt}: {}",
            f.name,
            payload_ts(&f.shape, indent + 1)
        );
    }
    let _ = writeln!(
        out,
        "{pad}/** A field this version does not know is sent as it is (`UNKNOWN_FIELD` warning). */"
    );
    let _ = writeln!(out, "{pad}[field: string]: unknown");
    out + &"  ".repeat(indent) + "}"
}

fn camel(kind: &str) -> String {
    kind.split('_')
        .map(|w| w[..1].to_uppercase() + &w[1..])
        .collect()
}

fn render_payloads() -> String {
    let mut out = String::from(
        "// Generated from the Rust core's field tables (a55_core::validate::describe) by\n\
         // tests/models_dts.rs: do not edit. A55's field names; amounts as a number or decimal text.\n",
    );
    for kind in RequestKind::ALL {
        let _ = write!(
            out,
            "\n/** The payload of a `{}` request (`validate('{}', …)` checks it). */\nexport interface {}Payload {}\n",
            kind.as_str(),
            kind.as_str(),
            camel(kind.as_str()),
            object_ts(&payload_fields(kind), 0)
        );
    }
    out
}

#[test]
fn payloads_dts_is_generated_from_core() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lib/payloads.d.ts");
    let want = render_payloads();
    if std::env::var_os("A55_UPDATE_TYPES").is_some() {
        std::fs::write(path, &want).expect("write lib/payloads.d.ts");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "lib/payloads.d.ts is not what core's field tables give: run A55_UPDATE_TYPES=1 cargo test -p a55-node --test models_dts"
    );
}

#[test]
fn models_dts_is_generated_from_core() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lib/models.d.ts");
    let want = render();
    if std::env::var_os("A55_UPDATE_TYPES").is_some() {
        std::fs::write(path, &want).expect("write lib/models.d.ts");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "lib/models.d.ts is not what core's models give: run A55_UPDATE_TYPES=1 cargo test -p a55-node --test models_dts"
    );
}
