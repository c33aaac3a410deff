#if canImport(Glibc)
import Glibc
#endif

/// `--privileged` gives the container the host's devices: every character and block
/// device at the top of the host's /dev — its disks, /dev/kmsg, /dev/mem where there
/// is one. With a disk device, root in the container can mount the host's file
/// systems; that is why `--privileged` is as good as root on the host.
enum HostDevices {
    /// The container makes its own /dev/ptmx (a link into its devpts) and has no console.
    static let excluded: Set<String> = ["ptmx", "console"]

    static func names() -> [String] {
        guard let stream = opendir("/dev") else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !excluded.contains(name), let info = FileIO.lstat("/dev/\(name)") else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFCHR || type == S_IFBLK { names.append(name) }
        }
        return names.sorted()
    }
}
