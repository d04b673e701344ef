//! `lib/models.d.ts` is generated from core's description of its response models
//! (`a55_core::models::shape`): this test renders it and fails when the committed file differs.
//! `A55_UPDATE_TYPES=1 cargo test -p a55-node --test models_dts` writes it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use a55_core::models::shape::{Shape, model_shapes};

fn ts(shape: &Shape, enums: &mut BTreeMap<&'static str, Vec<String>>) -> String {
    match shape {
        Shape::Text => "string".into(),
        Shape::Decimal => "DecimalString".into(),
        Shape::Date => "DateString".into(),
        Shape::Count => "number".into(),
        Shape::Enum { name, known } => {
            enums.insert(name, known.clone());
            (*name).into()
        }
        Shape::Model(name) => (*name).into(),
        Shape::Optional(inner) => format!("{} | null", ts(inner, enums)),
        Shape::List(inner) => match inner.as_ref() {
            Shape::Optional(_) => format!("Array<{}>", ts(inner, enums)),
            _ => format!("{}[]", ts(inner, enums)),
        },
    }
}

fn render() -> String {
    let mut enums = BTreeMap::new();
    let mut models = String::new();
    for m in model_shapes() {
        let _ = writeln!(models, "export interface {} {{", m.name);
        for (field, shape) in &m.fields {
            let _ = writeln!(models, "  {field}: {}", ts(shape, &mut enums));
        }
        models.push_str("}\n\n");
    }
    let mut out = String::from(
        "// Generated from the Rust core's response models (a55_core::models::shape) by\n\
         // tests/models_dts.rs: do not edit. Field names are core's (snake_case); amounts are\n\
         // decimal strings, dates `YYYY-MM-DD` strings, absent values `null`.\n\n\
         /** An amount as decimal text, exactly as the server sent it (\"450.00\"): never a JS number. */\n\
         export type DecimalString = string\n\n\
         /** A calendar date, `YYYY-MM-DD`. */\n\
         export type DateString = string\n\n",
    );
    for (name, known) in &enums {
        let union: Vec<String> = known.iter().map(|k| format!("'{k}'")).collect();
        let _ = writeln!(
            out,
            "/** A {name} this version knows, or (`string & {{}}`) one it does not, kept as received. */\nexport type {name} = {} | (string & {{}})\n",
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
