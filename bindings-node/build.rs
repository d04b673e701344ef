//! Generates the napi glue.
fn main() {
    napi_build::setup();
}
