//! The Kotlin data classes and Swift structs of the client's results are generated from core's
//! description of its response models (`a55_core::models::schema`): one file per model and per
//! open enum, under `kotlin/sdk/src/generated/kotlin/tech/a55/sdk/` and
//! `swift/Sources/A55/Generated/`. This test renders them and fails when a committed file differs
//! or is missing, or when a file is there that core no longer describes.
//! `A55_UPDATE_MODELS=1 cargo test -p a55-mobile --test models_gen` writes them.
// A test's helpers: failing loudly, naming the file, is their job.
#![allow(clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

mod kotlin;
mod swift;

/// `charge_uuid` → `chargeUuid`, `url_3ds` → `url3ds`.
pub fn camel(name: &str) -> String {
    let mut out = String::new();
    for (i, part) in name.split('_').enumerate() {
        if i == 0 {
            out.push_str(part);
        } else {
            let mut chars = part.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// The files of one language: name → text.
type Files = BTreeMap<String, String>;

fn check(dir: &str, ext: &str, want: &Files) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    if std::env::var_os("A55_UPDATE_MODELS").is_some() {
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == ext) {
                std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
        for (name, text) in want {
            std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let mut have = Files::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == ext) {
            let name = entry.file_name().to_string_lossy().into_owned();
            have.insert(name, std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
    let stale: Vec<&String> = want
        .iter()
        .filter(|(name, text)| have.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(have.keys().filter(|name| !want.contains_key(*name)))
        .collect();
    assert!(
        stale.is_empty(),
        "{}: {stale:?} are not what core's models give: run \
         A55_UPDATE_MODELS=1 cargo test -p a55-mobile --test models_gen",
        dir.display()
    );
}

#[test]
fn kotlin_models_are_generated_from_core() {
    check(
        "kotlin/sdk/src/generated/kotlin/tech/a55/sdk",
        "kt",
        &kotlin::render(),
    );
}

#[test]
fn swift_models_are_generated_from_core() {
    check("swift/Sources/A55/Generated", "swift", &swift::render());
}

#[test]
fn names_turn_into_camel_case() {
    assert_eq!(camel("charge_uuid"), "chargeUuid");
    assert_eq!(camel("url_3ds"), "url3ds");
    assert_eq!(camel("status"), "status");
}
