import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Path arithmetic on plain strings (FoundationEssentials has no NSString).
public enum Path {
    /// The paths of a folder's entries; none when it cannot be read.
    public static func children(of dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).map { dir + "/" + $0 }
    }

    /// The absolute form of `path`, relative to the working directory when needed.
    public static func absolute(_ path: String, cwd: String) -> String {
        isAbsolute(path) ? path : (cwd == "/" ? "/" : cwd + "/") + path
    }

    /// Finds an executable on `PATH` (or takes a path that has a slash as it is).
    public static func lookup(_ command: String, path searchPath: String?,
                              isExecutable: (String) -> Bool) -> String? {
        if hasSlash(command) { return command }
        for dir in (searchPath ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .split(separator: ":") {
            let candidate = "\(dir)/\(command)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// Where a symbolic link points (for /proc links: what the kernel names), or nil when
    /// `path` is not a link. Not traced: it only reads.
    public static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The working directory of this process.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
