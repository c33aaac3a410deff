#if canImport(Glibc)
import Glibc
#endif

/// What `dockling-namespaces` was asked for, checked before anything is created.
public struct NamespaceSettings {
    public let spec: InitSpec

    /// The longest hostname the kernel accepts (HOST_NAME_MAX).
    public static let maxHostnameBytes = 64

    public init(kinds: [NamespaceKind], hostname: String, rootfs: String?, argv: [String],
                root: StoreRoot) throws {
        guard !argv.isEmpty else {
            throw UsageError(step: "namespaces", "no command given",
                             hint: "put the command after --, e.g. dockling-namespaces -- sh")
        }
        guard !hostname.isEmpty, hostname.utf8.count <= Self.maxHostnameBytes else {
            throw UsageError(step: "namespaces",
                             "--hostname must be 1 to \(Self.maxHostnameBytes) bytes, not \(hostname.utf8.count)")
        }
        var rootPath: String?
        if kinds.contains(.mount) {
            let path = try rootfs.map(Self.checkedDirectory) ?? BusyboxRootfs.path(in: root)
            if kinds.contains(.user) { try Self.checkReachable(path, byHostUID: IDMapping.unprivileged.outside) }
            rootPath = rootfs == nil ? try BusyboxRootfs.ensure(in: root) : path
        } else if rootfs != nil {
            throw UsageError(step: "namespaces", "--rootfs needs a new mount namespace",
                             hint: "add --mount, or name no kind to get them all")
        }
        spec = InitSpec(
            namespaces: kinds, rootfs: rootPath, readOnlyRootfs: rootfs == nil,
            hostname: kinds.contains(.uts) ? hostname : nil,
            idMapping: kinds.contains(.user) ? .unprivileged : nil,
            argv: argv,
            environment: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                          "HOME=/root", "HOSTNAME=\(hostname)"])
    }

    /// Container root is an ordinary host user, so every folder on the way to the
    /// rootfs must let others through (the x bit), or the kernel answers EACCES.
    static func checkReachable(_ path: String, byHostUID uid: UInt32) throws {
        var dir = Path.parent(of: path)
        while true {
            var info = stat()
            if stat(dir, &info) == 0, info.st_uid != uid, info.st_mode & 0o001 == 0 {
                throw UsageError(step: "namespaces",
                                 "\(dir) is closed to others (mode \(StraceFormat.mode(info.st_mode & 0o7777))), "
                                 + "so container root (host uid \(uid)) cannot reach \(path)",
                                 hint: "chmod o+x \(dir), or keep dockling's root in a folder others can enter")
            }
            if dir == "/" { return }
            dir = Path.parent(of: dir)
        }
    }

    /// The absolute path of an existing directory, or an error naming the flag.
    static func checkedDirectory(_ path: String) throws -> String {
        guard let info = FileIO.statFollowing(path) else {
            throw UsageError(step: "namespaces", "--rootfs \(path) does not exist")
        }
        guard info.isDirectory else {
            throw UsageError(step: "namespaces", "--rootfs \(path) is not a directory")
        }
        return (try? FileIO.realpath(path)) ?? path
    }
}
