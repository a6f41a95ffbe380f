// swift-tools-version:6.0
// Thaw: a hands-on course in fine-tuning that runs in a terminal.
//
// Targets, lowest first; an arrow may only point down (see docs/architecture.md):
//   CBLAS, CEditLine (system C libraries)
//   ThawTensor -> ThawNN -> ThawOptim -> ThawTune -> ThawLab -> ThawLessons -> thaw
//   ThawData (tensors only) feeds ThawTune; ThawLang (no engine imports) feeds ThawLab.
//   ThawText (string helpers: edit distance, XML escaping) sits below ThawLang and ThawTune.
import PackageDescription

let package = Package(
    name: "Thaw",
    products: [
        .executable(name: "thaw", targets: ["thaw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
        .target(name: "ThawTensor", dependencies: ["CBLAS"]),
        .target(name: "ThawNN", dependencies: ["ThawTensor"]),
        .target(name: "ThawOptim", dependencies: ["ThawNN"]),
        .target(name: "ThawData", dependencies: ["ThawTensor"]),
        .target(name: "ThawText"),
        .target(name: "ThawTune", dependencies: ["ThawOptim", "ThawData", "ThawText"]),
        .target(name: "ThawLang", dependencies: ["ThawText"]),
        .target(name: "ThawLab", dependencies: ["ThawLang", "ThawTune", "ThawText"]),
        .target(name: "ThawLessons", dependencies: ["ThawLab", "ThawText"]),
        .executableTarget(name: "thaw", dependencies: [
            "ThawLessons", "ThawLab", "ThawTune", "CEditLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared test helpers: assertClose, finite-difference gradient checks, fixtures.
        .target(name: "TestSupport", dependencies: ["ThawTensor"], path: "Tests/TestSupport"),
        .testTarget(name: "ThawTensorTests", dependencies: ["ThawTensor", "TestSupport"]),
        .testTarget(name: "ThawNNTests", dependencies: ["ThawNN", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ThawOptimTests", dependencies: ["ThawOptim", "TestSupport"]),
        .testTarget(name: "ThawDataTests", dependencies: ["ThawData", "TestSupport"]),
        .testTarget(name: "ThawTuneTests", dependencies: ["ThawTune", "TestSupport"]),
        .testTarget(name: "ThawLangTests", dependencies: ["ThawLang"]),
        .testTarget(name: "ThawLabTests", dependencies: ["ThawLab", "TestSupport"]),
        .testTarget(name: "ThawLessonsTests", dependencies: ["ThawLessons", "TestSupport"]),
    ]
)
