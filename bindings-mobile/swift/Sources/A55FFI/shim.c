// Empty on purpose: SwiftPM needs one C source to make A55FFI a C target. The symbols declared in
// include/A55FFI.h live in liba55_mobile (the Rust library).
