//! Kotlin: one `data class` per model with its JSON reader, one open-enum class per enum.

use std::fmt::Write as _;

use a55_core::models::schema::{EnumSchema, FieldKind, FieldSchema, MODELS, ModelSchema};

use super::{Files, camel};

const HEADER: &str = "// Generated from the Rust core's response models (a55_core::models::schema) by\n\
                      // bindings-mobile/tests/models_gen: do not edit.\n\
                      package tech.a55.sdk\n";

fn kotlin_type(kind: FieldKind) -> String {
    match kind {
        FieldKind::Text | FieldKind::Secret => "String".into(),
        FieldKind::Amount => "java.math.BigDecimal".into(),
        FieldKind::Date => "java.time.LocalDate".into(),
        FieldKind::Count => "Int".into(),
        FieldKind::Enum(e) => e.name().into(),
        FieldKind::Model(name) => name.into(),
        FieldKind::Models(name) => format!("List<{name}>"),
        FieldKind::Texts => "List<String>".into(),
    }
}

/// The expression reading a field from `o` (a `JsonObject`, see `Json.kt`).
fn reader(f: &FieldSchema) -> String {
    let n = f.name;
    match (f.kind, f.required) {
        (FieldKind::Text | FieldKind::Secret, false) => format!("o.text(\"{n}\")"),
        (FieldKind::Text | FieldKind::Secret, true) => format!("o.requiredText(\"{n}\")"),
        (FieldKind::Amount, false) => format!("o.amount(\"{n}\")"),
        (FieldKind::Date, false) => format!("o.date(\"{n}\")"),
        (FieldKind::Count, false) => format!("o.count(\"{n}\")"),
        (FieldKind::Enum(e), false) => format!("o.text(\"{n}\")?.let {{ {}.of(it) }}", e.name()),
        (FieldKind::Enum(e), true) => format!("{}.of(o.requiredText(\"{n}\"))", e.name()),
        (FieldKind::Model(m), false) => format!("o.obj(\"{n}\")?.let {{ {m}.fromJson(it) }}"),
        (FieldKind::Model(m), true) => format!("{m}.fromJson(o.requiredObj(\"{n}\"))"),
        (FieldKind::Models(m), _) => format!("o.objects(\"{n}\").map {{ {m}.fromJson(it) }}"),
        (FieldKind::Texts, _) => format!("o.texts(\"{n}\")"),
        (kind, true) => panic!("no Kotlin reader for a required {kind:?} ({n})"),
    }
}

fn model(m: &ModelSchema) -> String {
    let mut out = String::from(HEADER);
    let _ = write!(out, "\n/** {} */\ndata class {}(\n", m.doc, m.name);
    for f in m.fields {
        let t = kotlin_type(f.kind);
        let opt = if f.required || matches!(f.kind, FieldKind::Models(_) | FieldKind::Texts) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(
            out,
            "    /** `{}` */\n    val {}: {t}{opt},",
            f.name,
            camel(f.name)
        );
    }
    out.push_str(") {\n");
    if m.fields.iter().any(|f| f.kind == FieldKind::Secret) {
        // A secret is never shown: `***` when set.
        let parts: Vec<String> = m
            .fields
            .iter()
            .map(|f| {
                let c = camel(f.name);
                if f.kind == FieldKind::Secret {
                    format!("{c}=${{if ({c} == null) \"null\" else \"***\"}}")
                } else {
                    format!("{c}=${c}")
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "    /** The fields, with the secret shown as `***`. */\n    override fun toString(): String =\n        \"{}({})\"\n",
            m.name,
            parts.join(", ")
        );
    }
    let _ = write!(
        out,
        "    internal companion object {{\n        fun fromJson(o: JsonObject): {} = {}(\n",
        m.name, m.name
    );
    for f in m.fields {
        let _ = writeln!(out, "            {} = {},", camel(f.name), reader(f));
    }
    out.push_str("        )\n    }\n}\n");
    out
}

fn enum_class(e: EnumSchema) -> String {
    let name = e.name();
    let values = e.values();
    let terminal = e.terminal_values();
    let mut out = String::from(HEADER);
    let _ = write!(
        out,
        "\n/**\n * A `{name}`: one of the values this version knows (the constants) or a value it does not,\n \
         * kept as received. Compare with the constants (`x == {name}.{}`); [value] is the wire text.\n */\n\
         class {name} private constructor(\n    /** The wire text, e.g. `{}`. */\n    val value: String,\n) {{\n\
         \x20   /** Whether this version of the SDK knows the value. */\n\
         \x20   val isKnown: Boolean get() = KNOWN.any {{ it.value == value }}\n",
        values[0].to_uppercase(),
        values[0],
    );
    if !terminal.is_empty() {
        out.push_str(
            "\n    /** Whether no further change is expected (a terminal status). */\n    \
             val isTerminal: Boolean get() = value in TERMINAL\n",
        );
    }
    let _ = write!(
        out,
        "\n    override fun equals(other: Any?): Boolean = other is {name} && other.value == value\n\n\
         \x20   override fun hashCode(): Int = value.hashCode()\n\n\
         \x20   /** The wire text. */\n    override fun toString(): String = value\n\n    companion object {{\n"
    );
    for v in &values {
        let _ = writeln!(
            out,
            "        /** `{v}` */\n        @JvmField val {}: {name} = {name}(\"{v}\")",
            v.to_uppercase()
        );
    }
    let constants: Vec<String> = values.iter().map(|v| v.to_uppercase()).collect();
    let _ = writeln!(
        out,
        "\n        /** Every value this version knows. */\n        @JvmField val KNOWN: List<{name}> = listOf({})",
        constants.join(", ")
    );
    if !terminal.is_empty() {
        let quoted: Vec<String> = terminal.iter().map(|v| format!("\"{v}\"")).collect();
        let _ = writeln!(
            out,
            "\n        private val TERMINAL: Set<String> = setOf({})",
            quoted.join(", ")
        );
    }
    let _ = write!(
        out,
        "\n        /** The value for a wire text: a known constant, or a new value kept as it is. */\n        \
         @JvmStatic fun of(value: String): {name} = KNOWN.firstOrNull {{ it.value == value }} ?: {name}(value)\n    }}\n}}\n"
    );
    out
}

/// Every file, by name.
pub fn render() -> Files {
    let mut files = Files::new();
    for m in MODELS {
        files.insert(format!("{}.kt", m.name), model(m));
    }
    for e in EnumSchema::ALL {
        files.insert(format!("{}.kt", e.name()), enum_class(e));
    }
    files
}
