//! `uniffi-bindgen generate <liba55_mobile.so> --language kotlin --language swift --out-dir DIR`:
//! uniffi's generator, then one fix to the Kotlin it writes.
//!
//! uniffi gives each subclass of the Kotlin exception `A55Exception` a `message` that lists every
//! field (`detail=…, status=…, codes=…`). The contract wants `message` to be the readable sentence,
//! so after generating, each of those getters is made to return `detail` (core's sentence, which
//! never holds a secret). The text replaced is checked: if uniffi's output ever changes shape, this
//! fails instead of leaving the list in place.

use std::path::PathBuf;
use std::process::ExitCode;

/// The Kotlin file uniffi writes for the `tech.a55.sdk` package.
const KOTLIN_FILE: &str = "tech/a55/sdk/a55_mobile.kt";
/// The start of each generated `message` getter of `A55Exception`'s subclasses.
const LIST_START: &str = "get() = \"detail=${ `detail` }, ";
/// How many subclasses `A55Exception` has (one per `a55_core::ErrorKind`).
const SUBCLASSES: usize = 14;

fn out_dir(args: &[String]) -> Option<PathBuf> {
    let at = args.iter().position(|a| a == "--out-dir" || a == "-o")?;
    args.get(at + 1).map(PathBuf::from)
}

fn wants_kotlin(args: &[String]) -> bool {
    args.windows(2)
        .any(|w| (w[0] == "--language" || w[0] == "-l") && w[1] == "kotlin")
}

/// Replaces each generated field list with `detail`; the number of lines changed.
fn readable_messages(kotlin: &str) -> (String, usize) {
    let mut out = String::with_capacity(kotlin.len());
    let mut changed = 0;
    for line in kotlin.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with(LIST_START) {
            let indent = &line[..line.len() - trimmed.len()];
            out.push_str(indent);
            out.push_str("get() = `detail`\n");
            changed += 1;
        } else {
            out.push_str(line);
        }
    }
    (out, changed)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    uniffi::uniffi_bindgen_main();
    if args.get(1).map(String::as_str) != Some("generate") || !wants_kotlin(&args) {
        return ExitCode::SUCCESS;
    }
    let Some(dir) = out_dir(&args) else {
        return ExitCode::SUCCESS;
    };
    let path = dir.join(KOTLIN_FILE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("uniffi-bindgen: {} was not written", path.display());
        return ExitCode::FAILURE;
    };
    let (fixed, changed) = readable_messages(&text);
    if changed != SUBCLASSES {
        eprintln!(
            "uniffi-bindgen: expected {SUBCLASSES} generated `message` getters in {}, found {changed}: \
             uniffi's Kotlin output changed, update uniffi-bindgen/src/main.rs",
            path.display()
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(&path, fixed) {
        eprintln!("uniffi-bindgen: cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_field_lists_are_replaced() {
        let kotlin = "    override val message\n        get() = \"detail=${ `detail` }, status=${ `status` }\"\n    val x = 1\n";
        let (fixed, n) = readable_messages(kotlin);
        assert_eq!(n, 1);
        assert_eq!(
            fixed,
            "    override val message\n        get() = `detail`\n    val x = 1\n"
        );
        assert!(wants_kotlin(&[
            "x".into(),
            "--language".into(),
            "kotlin".into()
        ]));
        assert_eq!(
            out_dir(&["--out-dir".into(), "d".into()]),
            Some(PathBuf::from("d"))
        );
    }
}
