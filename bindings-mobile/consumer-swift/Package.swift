// swift-tools-version:5.9
//
// A user's package: it depends on the A55 Swift package by version, from its git repository, as
// from a release, and charges a card against the emulator of the test kit. SwiftPM refuses
// `unsafeFlags` in a dependency pinned by version: this builds only because the A55 package has none.
//
// scripts/test-swift.sh makes a release repository of bindings-mobile/swift tagged 0.1.0 and gives
// its URL in A55_SWIFT_PACKAGE_URL; the native library is found through pkg-config (a55_mobile.pc).
import PackageDescription

let a55 = Context.environment["A55_SWIFT_PACKAGE_URL"] ?? "https://github.com/a55-sdk/a55-swift.git"

let package = Package(
    name: "Shop",
    dependencies: [
        .package(url: a55, from: "0.1.0"),
    ],
    targets: [
        .testTarget(
            name: "ShopTests",
            dependencies: [
                .product(name: "A55", package: "a55-swift"),
                .product(name: "A55Testing", package: "a55-swift"),
            ],
            path: "Tests/ShopTests"
        ),
    ]
)
