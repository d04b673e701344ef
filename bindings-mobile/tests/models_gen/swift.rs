//! Swift: one struct per model with its JSON reader, one open enum (`RawRepresentable` struct) per
//! enum.

use std::fmt::Write as _;

use a55_core::models::schema::{EnumSchema, FieldKind, FieldSchema, MODELS, ModelSchema};

use super::{Files, camel};

const HEADER: &str = "// Generated from the Rust core's response models (a55_core::models::schema) by\n\
                      // bindings-mobile/tests/models_gen: do not edit.\n\
                      import Foundation\n";

fn swift_type(kind: FieldKind) -> String {
    match kind {
        FieldKind::Text | FieldKind::Secret => "String".into(),
        FieldKind::Amount => "Decimal".into(),
        FieldKind::Date => "A55Date".into(),
        FieldKind::Count => "Int".into(),
        FieldKind::Enum(e) => e.name().into(),
        FieldKind::Model(name) => name.into(),
        FieldKind::Models(name) => format!("[{name}]"),
        FieldKind::Texts => "[String]".into(),
    }
}

fn is_list(kind: FieldKind) -> bool {
    matches!(kind, FieldKind::Models(_) | FieldKind::Texts)
}

/// The expression reading a field from `o` (a `JSONObject`, see `JSONValue.swift`).
fn reader(f: &FieldSchema) -> String {
    let n = f.name;
    match (f.kind, f.required) {
        (FieldKind::Text | FieldKind::Secret, false) => format!("o.text(\"{n}\")"),
        (FieldKind::Text | FieldKind::Secret, true) => format!("try o.requiredText(\"{n}\")"),
        (FieldKind::Amount, false) => format!("o.amount(\"{n}\")"),
        (FieldKind::Date, false) => format!("o.date(\"{n}\")"),
        (FieldKind::Count, false) => format!("o.count(\"{n}\")"),
        (FieldKind::Enum(e), false) => {
            format!("o.text(\"{n}\").map {{ {}(rawValue: $0) }}", e.name())
        }
        (FieldKind::Enum(e), true) => {
            format!("{}(rawValue: try o.requiredText(\"{n}\"))", e.name())
        }
        (FieldKind::Model(m), false) => {
            format!("try o.object(\"{n}\").map {{ try {m}(json: $0) }}")
        }
        (FieldKind::Model(m), true) => format!("try {m}(json: try o.requiredObject(\"{n}\"))"),
        (FieldKind::Models(m), _) => format!("try o.objects(\"{n}\").map {{ try {m}(json: $0) }}"),
        (FieldKind::Texts, _) => format!("o.texts(\"{n}\")"),
        (kind, true) => panic!("no Swift reader for a required {kind:?} ({n})"),
    }
}

fn model(m: &ModelSchema) -> String {
    let mut out = String::from(HEADER);
    let _ = write!(
        out,
        "\n/// {}\npublic struct {}: Sendable, Hashable {{\n",
        m.doc, m.name
    );
    for f in m.fields {
        let opt = if f.required || is_list(f.kind) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(
            out,
            "    /// `{}`\n    public let {}: {}{opt}",
            f.name,
            camel(f.name),
            swift_type(f.kind)
        );
    }
    let _ = write!(
        out,
        "}}\n\nextension {} {{\n    init(json o: JSONObject) throws {{\n",
        m.name
    );
    for f in m.fields {
        let _ = writeln!(out, "        {} = {}", camel(f.name), reader(f));
    }
    out.push_str("    }\n}\n");
    if m.fields.iter().any(|f| f.kind == FieldKind::Secret) {
        let parts: Vec<String> = m
            .fields
            .iter()
            .map(|f| {
                let c = camel(f.name);
                if f.kind == FieldKind::Secret {
                    format!("{c}: \\({c} == nil ? \"nil\" : \"***\")")
                } else {
                    format!("{c}: \\(String(describing: {c}))")
                }
            })
            .collect();
        let children: Vec<String> = m
            .fields
            .iter()
            .map(|f| {
                let c = camel(f.name);
                if f.kind == FieldKind::Secret {
                    format!("(\"{c}\", {c} == nil ? \"nil\" : \"***\")")
                } else {
                    format!("(\"{c}\", {c} as Any)")
                }
            })
            .collect();
        let _ = write!(
            out,
            "\n// The secret is never shown: `***` when set (print, debugPrint, dump).\n\
             extension {name}: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {{\n\
             \x20   public var description: String {{\n        \"{name}({})\"\n    }}\n\n\
             \x20   public var debugDescription: String {{ description }}\n\n\
             \x20   public var customMirror: Mirror {{\n        Mirror(self, children: [{}])\n    }}\n}}\n",
            parts.join(", "),
            children.join(", "),
            name = m.name,
        );
    }
    out
}

fn enum_struct(e: EnumSchema) -> String {
    let name = e.name();
    let values = e.values();
    let terminal = e.terminal_values();
    let mut out = String::from(HEADER);
    let _ = write!(
        out,
        "\n/// A `{name}`: one of the values this version knows (the static constants) or a value it does\n\
         /// not, kept as received. Compare with the constants (`x == .{}`); `rawValue` is the wire text.\n\
         public struct {name}: A55OpenEnum, CustomStringConvertible {{\n\
         \x20   /// The wire text, e.g. `{}`.\n    public let rawValue: String\n\n\
         \x20   public init(rawValue: String) {{\n        self.rawValue = rawValue\n    }}\n\n\
         \x20   /// The wire text.\n    public var description: String {{ rawValue }}\n\n\
         \x20   /// Whether this version of the SDK knows the value.\n\
         \x20   public var isKnown: Bool {{ Self.known.contains(self) }}\n",
        camel(&values[0].to_lowercase()),
        values[0],
    );
    if !terminal.is_empty() {
        let quoted: Vec<String> = terminal.iter().map(|v| format!("\"{v}\"")).collect();
        let _ = write!(
            out,
            "\n    /// Whether no further change is expected (a terminal status).\n\
             \x20   public var isTerminal: Bool {{ [{}].contains(rawValue) }}\n",
            quoted.join(", ")
        );
    }
    out.push('\n');
    for v in &values {
        let _ = writeln!(
            out,
            "    /// `{v}`\n    public static let {} = {name}(rawValue: \"{v}\")",
            camel(&v.to_lowercase())
        );
    }
    let constants: Vec<String> = values
        .iter()
        .map(|v| format!(".{}", camel(&v.to_lowercase())))
        .collect();
    let _ = write!(
        out,
        "\n    /// Every value this version knows.\n    public static let known: [{name}] = [{}]\n}}\n",
        constants.join(", ")
    );
    out
}

/// Every file, by name.
pub fn render() -> Files {
    let mut files = Files::new();
    for m in MODELS {
        files.insert(format!("{}.swift", m.name), model(m));
    }
    for e in EnumSchema::ALL {
        files.insert(format!("{}.swift", e.name()), enum_struct(e));
    }
    files
}
