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
            ("passwd", passwd), ("group", group),
            ("hostname", "dockling\n"),
            ("hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost\n"),
        ]
        for (name, content) in etc {
            try Data(content.utf8).write(to: URL(fileURLWithPath: "\(dir)/etc/\(name)"))
        }
        // The homes the official image makes for its users (the others exist already).
        for (home, owner) in [("var/spool/mail", 8), ("var/www", 33)] {
            try files.createDirectory(atPath: "\(dir)/\(home)", withIntermediateDirectories: true)
            chown("\(dir)/\(home)", uid_t(owner), gid_t(owner))
        }
    }

    /// The official busybox image's users (buildroot's skeleton, which docker-library's
    /// busybox build copies in), so that `USER daemon` or `chown www-data` in a
    /// Dockerfile written for busybox finds them here too.
    static let passwd = """
        root:x:0:0:root:/root:/bin/sh
        daemon:x:1:1:daemon:/usr/sbin:/bin/false
        bin:x:2:2:bin:/bin:/bin/false
        sys:x:3:3:sys:/dev:/bin/false
        sync:x:4:100:sync:/bin:/bin/sync
        mail:x:8:8:mail:/var/spool/mail:/bin/false
        www-data:x:33:33:www-data:/var/www:/bin/false
        operator:x:37:37:Operator:/var:/bin/false
        nobody:x:65534:65534:nobody:/home:/bin/false

        """

    /// The official busybox image's groups, from the same skeleton.
    static let group = """
        root:x:0:
        daemon:x:1:
        bin:x:2:
        sys:x:3:
        adm:x:4:
        tty:x:5:
        disk:x:6:
        lp:x:7:
        mail:x:8:
        kmem:x:9:
        wheel:x:10:root
        cdrom:x:11:
        dialout:x:18:
        floppy:x:19:
        video:x:28:
        audio:x:29:
        tape:x:32:
        www-data:x:33:
        operator:x:37:
        utmp:x:43:
        users:x:100:
        staff:x:50:
        nogroup:x:65534:

        """
}
