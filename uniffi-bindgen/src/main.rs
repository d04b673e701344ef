//! `uniffi-bindgen generate --library <liba55_mobile.so> --language kotlin --language swift`.
fn main() {
    uniffi::uniffi_bindgen_main()
}
