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
            rootPath = try rootfs.map(Self.checkedDirectory) ?? BusyboxRootfs.ensure(in: root)
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

    /// The absolute path of an existing directory, or an error naming the flag.
    static func checkedDirectory(_ path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw UsageError(step: "namespaces", "--rootfs \(path) does not exist")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw UsageError(step: "namespaces", "--rootfs \(path) is not a directory")
        }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard realpath(path, &buffer) != nil else { return path }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
