// swift-tools-version:5.9
//
// The Swift package of the A55 SDK:
//
//   A55         the client (async throws), the helpers and the models: the Swift source
//               uniffi-bindgen generates from liba55_mobile (Sources/A55/A55.swift), the models
//               generated from the Rust core (Sources/A55/Generated), and a few hand-written files;
//   A55Testing  an XCTest helper that starts the emulator inside the test process;
//   A55FFI      the C module: the generated header and a module map that links `a55_mobile`.
//
// No unsafeFlags: the native library is a system library, found through pkg-config
// (`a55_mobile.pc`, on PKG_CONFIG_PATH) or in the linker's default paths, so another package can
// depend on this one by version. On Apple platforms, replace the system library with a
// `.binaryTarget` of the XCFramework (bindings-mobile/README.md).
import PackageDescription

let package = Package(
    name: "A55",
    products: [
        .library(name: "A55", targets: ["A55"]),
        .library(name: "A55Testing", targets: ["A55Testing"]),
    ],
    targets: [
        .systemLibrary(name: "A55FFI", path: "Sources/A55FFI", pkgConfig: "a55_mobile"),
        .target(name: "A55", dependencies: ["A55FFI"], path: "Sources/A55"),
        .target(name: "A55Testing", dependencies: ["A55"], path: "Sources/A55Testing"),
        .testTarget(name: "A55Tests", dependencies: ["A55", "A55Testing"], path: "Tests/A55Tests"),
    ]
)
