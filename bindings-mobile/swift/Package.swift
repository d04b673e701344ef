// swift-tools-version:5.9
//
// The Swift package of the A55 SDK: the Swift source uniffi-bindgen generates from liba55_mobile
// (Sources/A55/A55.swift) over its C module (Sources/A55FFI: the generated header A55FFI.h and a
// module map that links `a55_mobile`), plus a few hand-written files (A55Date, error accessors).
//
// scripts/test-swift.sh generates the two files, puts liba55_mobile.so in lib/ and runs `swift test`.
// A55_LIB_DIR overrides where the library is looked for (default: <package>/lib).
import PackageDescription

let libDir = Context.environment["A55_LIB_DIR"] ?? (Context.packageDirectory + "/lib")

let package = Package(
    name: "A55",
    products: [
        .library(name: "A55", targets: ["A55"]),
    ],
    targets: [
        .target(
            name: "A55FFI",
            path: "Sources/A55FFI"
        ),
        .target(
            name: "A55",
            dependencies: ["A55FFI"],
            path: "Sources/A55",
            linkerSettings: [.unsafeFlags(["-L", libDir])]
        ),
        .testTarget(
            name: "A55Tests",
            dependencies: ["A55"],
            path: "Tests/A55Tests",
            linkerSettings: [.unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir])]
        ),
    ]
)
