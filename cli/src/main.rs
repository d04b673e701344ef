//! The `a55` command.
fn main() {}
