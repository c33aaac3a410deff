// swift-tools-version:6.0
import PackageDescription

// dockling: one shared core, one small executable per container concept.
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

/// A concept tool: a few short files on top of DocklingCore and the shared CLI pieces.
func conceptTool(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: ["DocklingCore", "DocklingCLI", argumentParser])
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
        conceptTool("dockling"),
        .executableTarget(name: "dockling-init", dependencies: ["DocklingCore"]),
        conceptTool("dockling-namespaces"),
        conceptTool("dockling-cgroups"),
        conceptTool("dockling-snapshot"),
        conceptTool("dockling-union"),
        conceptTool("dockling-stdio"),
        conceptTool("dockling-commit"),
        .testTarget(name: "DocklingCoreTests", dependencies: ["DocklingCore"]),
        .testTarget(name: "DocklingCLITests", dependencies: ["dockling", "DocklingCLI", argumentParser]),
        .testTarget(name: "DocklingSystemTests", dependencies: ["DocklingCore"]),
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
