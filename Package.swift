// swift-tools-version:6.0
import PackageDescription

// dockling: one shared core, one small executable per container concept.
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

/// A concept tool: a few short files on top of DocklingCore and the shared CLI pieces.
func conceptTool(_ name: String, using concepts: [Target.Dependency] = []) -> Target {
    .executableTarget(name: name, dependencies: ["DocklingCore", "DocklingCLI", argumentParser] + concepts)
}

let package = Package(
    name: "dockling",
    products: [
        .executable(name: "dockling", targets: ["dockling"]),
        .executable(name: "dockling-init", targets: ["dockling-init"]),
        .executable(name: "dockling-namespaces", targets: ["dockling-namespaces"]),
        .executable(name: "dockling-cgroups", targets: ["dockling-cgroups"]),
        .executable(name: "dockling-snapshot", targets: ["dockling-snapshot"]),
        .executable(name: "dockling-union", targets: ["dockling-union"]),
        .executable(name: "dockling-stdio", targets: ["dockling-stdio"]),
        .executable(name: "dockling-commit", targets: ["dockling-commit"]),
        .executable(name: "dockling-build", targets: ["dockling-build"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "CLinux"),
        // libarchive, libcrypto and libseccomp are loaded on first use (dlopen), not at every start.
        .target(name: "CLibArchive", dependencies: ["CLinux"]),
        .target(name: "CLibCrypto", dependencies: ["CLinux"]),
        .target(name: "CSeccomp", dependencies: ["CLinux"]),
        .target(name: "DocklingCore", dependencies: [
            "CLinux", "CLibArchive", "CLibCrypto", "CSeccomp",
        ]),
        .target(name: "DocklingCLI", dependencies: ["DocklingCore", argumentParser]),
        // The concepts after the core, each a library of its own (see ARCHITECTURE.md).
        .target(name: "DocklingBuild", dependencies: ["DocklingCore"]),
        conceptTool("dockling", using: ["DocklingBuild"]),
        .executableTarget(name: "dockling-init", dependencies: ["DocklingCore"]),
        conceptTool("dockling-namespaces"),
        conceptTool("dockling-cgroups"),
        conceptTool("dockling-snapshot"),
        conceptTool("dockling-union"),
        conceptTool("dockling-stdio"),
        conceptTool("dockling-commit"),
        conceptTool("dockling-build", using: ["DocklingBuild"]),
        .testTarget(name: "DocklingCoreTests", dependencies: ["DocklingCore"]),
        .testTarget(name: "DocklingCLITests", dependencies: ["dockling", "DocklingCLI", argumentParser]),
        .testTarget(name: "DocklingSystemTests", dependencies: ["DocklingCore"]),
        .testTarget(name: "DocklingBuildTests", dependencies: ["DocklingBuild"], exclude: ["Corpus"]),
    ]
)

// The libFuzzer targets (Fuzz/, `make fuzz`) exist only when DOCKLING_FUZZ is set, so
// that `swift build` and `swift test` never see them. They live in this package rather
// than one of their own because a second package would have to fetch its dependencies.
if Context.environment["DOCKLING_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    package.targets += ["FuzzReference", "FuzzManifest", "FuzzLayerReader"].map {
        .executableTarget(name: $0, dependencies: ["DocklingCore", "FuzzDriver"], path: "Fuzz/" + $0)
    }
}
