#if canImport(Glibc)
import Glibc
#endif

/// A path as the container names it (`/proc`, a volume's target, the working
/// directory), found or made inside the container's root filesystem from outside it,
/// before pivot_root.
///
/// The root's own files are the image's: a symlink there may point anywhere, such as
/// `/data -> /etc` or `/data -> ../../../../host`. Followed by the host's rules it could
/// lead out of the root; so each symlink is followed here the way the container will
/// see it, with the root as `/` and `..` stopping there (what `openat2`'s
/// RESOLVE_IN_ROOT and runc's securejoin do). What is made is made at the resolved path,
/// whose every existing part is then a real directory inside the root.
struct RootfsPath {
    let rootfs: String

    /// Linux's own limit on symlinks followed in one lookup (MAXSYMLINKS).
    static let maximumLinks = 40

    /// The host path of `path`, its symlinks resolved inside the root.
    func resolve(_ path: String) throws -> String { hostPath(try components(of: path)) }

    /// The names from the root down to `path`, its symlinks resolved inside the root.
    private func components(of path: String) throws -> [String] {
        var resolved: [String] = []
        var pending = Path.components(of: path)[...]
        var links = 0
        while let part = pending.popFirst() {
            if part.isEmpty || Path.same(part, ".") { continue }
            if Path.same(part, "..") {
                _ = resolved.popLast()
                continue
            }
            let host = hostPath(resolved + [part])
            guard FileIO.lstat(host)?.isSymlink == true else {
                resolved.append(part)
                continue
            }
            links += 1
            guard links <= Self.maximumLinks, let target = Path.readLink(host) else {
                throw UsageError(step: "rootfs", "\(path) in the image leads through too many symlinks (from \(host))",
                                 hint: "the image's symlinks loop; fix the image, or choose another path")
            }
            // An absolute target starts again at the container's root, never the host's.
            if Path.isAbsolute(target) { resolved = [] }
            pending = (Path.components(of: target) + pending)[...]
        }
        return resolved
    }

    /// Makes `path` where it is missing, with its missing parents, in the container's own
    /// layer, as docker and runc make mount points: directories 0755, or — for a file
    /// bound onto a file — an empty 0644 file. Returns the resolved host path.
    @discardableResult
    func make(_ path: String, file: Bool = false, why: String) throws -> String {
        let parts = try components(of: path)
        var current = rootfs
        for (index, part) in parts.enumerated() {
            current += "/" + part
            let last = index == parts.count - 1
            if let existing = FileIO.lstat(current) {
                guard existing.isDirectory || last else {
                    throw UsageError(step: "rootfs", "cannot make \(path) in the container: \(current) is not a directory",
                                     hint: "the image has a file where \(path) needs a directory")
                }
                continue
            }
            if last && file {
                let fd = try Kernel.open(current, [.writeOnly, .create, .exclusive, .closeOnExec], mode: 0o644,
                                         note: "\(why): an empty file to mount onto, in the container's own layer")
                try Kernel.close(fd, note: "only the name was needed")
            } else {
                try Kernel.mkdir(current, mode: 0o755, note: "\(why): made in the container's own layer, as docker does")
            }
        }
        return current
    }

    /// `rootfs/a/b` for `["a", "b"]`; the root itself for none.
    private func hostPath(_ parts: [String]) -> String {
        parts.isEmpty ? rootfs : rootfs + "/" + parts.joined(separator: "/")
    }
}
