//! Kotlin and Swift bindings (filled by the mobile binding).
