import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The root filesystem learners stand in: the host's static busybox, one symlink per
/// applet, and the few files every Linux userland expects.
///
/// It is built once under `<root>/rootfs/busybox` and reused. It is assembled in the
/// store's tmp folder and published with one rename, so a crash never leaves half of it.
public enum BusyboxRootfs {
    /// Where Debian's busybox-static puts the binary.
    public static let hostBinary = "/bin/busybox"

    public static func path(in root: StoreRoot) -> String { root.rootfs + "/busybox" }

    /// The rootfs path, building it first if it is not there yet.
    @discardableResult
    public static func ensure(in root: StoreRoot) throws -> String {
        let target = path(in: root)
        let files = FileManager.default
        if files.fileExists(atPath: target + "/bin/busybox") { return target }
        guard files.isExecutableFile(atPath: hostBinary) else {
            throw UsageError(step: "rootfs", "\(hostBinary) is missing",
                             hint: "install Debian's busybox-static (make setup does)")
        }
        Tracer.shared.say("building the busybox root filesystem at \(target) (first use only)")
        try files.createDirectory(atPath: root.rootfs, withIntermediateDirectories: true)
        try files.createDirectory(atPath: root.tmp, withIntermediateDirectories: true)
        let staging = root.tmp + "/rootfs-busybox-\(getpid())"
        try? files.removeItem(atPath: staging)
        do {
            try populate(staging)
            if Glibc.rename(staging, target) != 0 {
                // Another dockling built it first: theirs is as good as ours.
                try? files.removeItem(atPath: staging)
            }
        } catch {
            try? files.removeItem(atPath: staging)
            throw error
        }
        return target
    }

    /// The applets the host's busybox offers, as paths relative to `/` (`bin/sh`).
    static func applets() throws -> [String] {
        let listing = try HostCommand.output(hostBinary, ["--list-full"])
        return listing.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    private static func populate(_ dir: String) throws {
        let files = FileManager.default
        for sub in ["bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "tmp",
                    "root", "home", "var", "run", "mnt"] {
            try files.createDirectory(atPath: "\(dir)/\(sub)", withIntermediateDirectories: true)
        }
        chmod(dir + "/tmp", 0o1777)
        chmod(dir + "/root", 0o700)
        try files.copyItem(atPath: hostBinary, toPath: dir + "/bin/busybox")
        for applet in try applets() where applet != "bin/busybox" {
            let link = "\(dir)/\(applet)"
            try? files.createDirectory(atPath: Path.parent(of: link),
                                       withIntermediateDirectories: true)
            try files.createSymbolicLink(atPath: link, withDestinationPath: "/bin/busybox")
        }
        let etc: [(String, String)] = [
            ("passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n"),
            ("group", "root:x:0:\nnobody:x:65534:\n"),
            ("hostname", "dockling\n"),
            ("hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n"),
        ]
        for (name, content) in etc {
            try Data(content.utf8).write(to: URL(fileURLWithPath: "\(dir)/etc/\(name)"))
        }
    }
}
