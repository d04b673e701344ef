//! Node bindings (filled by the Node binding).
