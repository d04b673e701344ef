//! `lib/models.d.ts` is generated from core's description of its response models
//! (`a55_core::models::schema`): this test renders it and fails when the committed file differs.
//! `A55_UPDATE_TYPES=1 cargo test -p a55-node --test models_dts` writes it.

use std::fmt::Write as _;

use a55_core::models::schema::{EnumSchema, FieldKind, MODELS};

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
    for m in MODELS {
        let _ = writeln!(models, "/** {} */\nexport interface {} {{", m.doc, m.name);
        for f in m.fields {
            let t = ts(f.kind);
            let t = if f.required { t } else { format!("{t} | null") };
            let _ = writeln!(models, "  {}: {t}", f.name);
        }
        models.push_str("}\n\n");
    }
    let mut out = String::from(
        "// Generated from the Rust core's response models (a55_core::models::schema) by\n\
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
