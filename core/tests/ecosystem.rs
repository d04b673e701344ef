//! What `a55-core` does to the crates around it: a crate that depends on it must not find its own
//! serde_json changed. serde_json's `arbitrary_precision` and `preserve_order` features change how
//! every crate in a build decodes numbers and maps (Cargo unifies features), so core turns on
//! neither. This builds the dependency graph of a tiny consumer crate outside the workspace.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;
use std::process::Command;

#[test]
fn a_consumer_crate_gets_no_serde_json_feature_from_a55_core() {
    let core = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("a55-consumer-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"a55-consumer\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\na55-core = {{ path = {:?} }}\nserde_json = \"1\"\n\n[workspace]\n",
            core.display().to_string()
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), "").unwrap();
    // The workspace's lock file pins the same versions, so no registry is needed.
    std::fs::copy(core.join("../Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "-e", "features", "-i", "serde_json", "--offline"])
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .output()
        .unwrap();
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tree.contains("a55-core"), "{tree}");
    for feature in ["arbitrary_precision", "preserve_order"] {
        assert!(
            !tree.contains(feature),
            "{feature} reaches the consumer:\n{tree}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
