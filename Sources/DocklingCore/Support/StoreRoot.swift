/// Where dockling keeps its state: `--root DIR`, else `DOCKLING_ROOT`, else
/// `/var/lib/dockling`. Every path dockling writes lives below this folder.
public struct StoreRoot: Sendable, Equatable {
    public static let defaultPath = "/var/lib/dockling"
    public static let environmentVariable = "DOCKLING_ROOT"

    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The root a command should use given its `--root` option (nil when absent).
    public static func resolve(option: String?) -> StoreRoot {
        if let option, !option.isEmpty { return StoreRoot(path: option) }
        if let env = ProcessEnvironment.value(environmentVariable), !env.isEmpty {
            return StoreRoot(path: env)
        }
        return StoreRoot(path: defaultPath)
    }

    /// Scratch space: half-built things live here until an atomic rename publishes them.
    public var tmp: String { path + "/tmp" }
    /// Root filesystems built from the host (the busybox one learners stand in).
    public var rootfs: String { path + "/rootfs" }
    /// Container bundles: `containers/<id>/`.
    public var containers: String { path + "/containers" }
    /// Held while a container folder is added, renamed aside or swept.
    public var containersLock: String { containers + "/.lock" }
    /// Held while the image store changes index.json or removes content.
    public var imagesLock: String { path + "/images.lock" }
    /// Unpacked layers, the overlay lower directories: `layers/<diff-id>/`.
    public var layers: String { path + "/layers" }
    /// Content-addressed blobs: `blobs/sha256/<hex>`.
    public var blobs: String { path + "/blobs/sha256" }
    /// Named volumes: `volumes/<name>/_data`.
    public var volumes: String { path + "/volumes" }
    /// Compiled seccomp programs: `cache/seccomp/<fingerprint>.bpf`.
    public var seccompCache: String { path + "/cache/seccomp" }

    /// Where a named volume's files are.
    public func volumeData(_ name: String) -> String { volumes + "/" + name + "/_data" }
}
