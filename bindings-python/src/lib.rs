//! Python bindings (filled by the Python binding).
