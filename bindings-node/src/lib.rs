//! Node.js bindings of the A55 SDK: a thin napi-rs layer over `a55_core`.
//!
//! Every export converts JavaScript values to core's types, calls core, and converts the answer
//! back; no rule is decided here. Errors leave through [`error`], the one mapping module; the
//! hand-written wrapper in `lib/` turns them into `A55Error` subclasses and checks that each
//! argument has the right JavaScript type before it gets here.
//!
//! Every export is built with `catch_unwind`, so a panic in core becomes a thrown JavaScript error
//! instead of aborting the process, and the panic hook installed at load prints only the panic's
//! location, never its message (a message could quote user input).

pub mod client;
pub mod error;
pub mod money;
pub mod pix;
pub mod schedule;
pub mod tax_id;
pub mod testing;
pub mod validate;
pub mod webhook;

use napi_derive::napi;

/// mimalloc for this library's own allocations (JavaScript's heap is untouched): a call allocates
/// on core's tokio workers and frees on the event loop's thread, which glibc's malloc serves
/// through contended arenas and consolidation passes (BENCHMARKS.md, "The Node client").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Replaces the default panic hook of this library (each cdylib has its own): the default one
/// prints the panic message, which could quote a caller's input, to stderr. (Not in this crate's
/// own Rust tests, whose failures should print in full.)
#[cfg(not(test))]
#[napi_derive::module_init]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "an unknown location".to_string());
        eprintln!(
            "a55: internal error (Rust panic) at {at}; it was turned into a JavaScript error"
        );
    }));
}

/// Panics on purpose, to prove that a panic in Rust becomes a JavaScript error. Not public API.
#[napi(js_name = "_panicForTests", catch_unwind, skip_typescript)]
#[allow(clippy::panic)]
pub fn panic_for_tests() {
    panic!("deliberate panic for the tests (secret 4111111111111111 must not leak)");
}

/// Converts a JavaScript number that the wrapper checked to be an integer into a `u32`,
/// saturating (negative → 0, too large → `u32::MAX`) so that core's range check decides.
pub(crate) fn saturating_u32(n: f64) -> u32 {
    n as u32
}

/// Converts a JavaScript number that the wrapper checked to be an integer into an `i64`,
/// saturating, so that core's range check decides.
pub(crate) fn saturating_i64(n: f64) -> i64 {
    n as i64
}
