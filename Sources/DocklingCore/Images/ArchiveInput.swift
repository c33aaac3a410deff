#if canImport(Glibc)
import Glibc
#endif

/// Where `load` and `import` read an archive from.
public enum ArchiveInput: Sendable {
    case file(String)
    case standardInput

    /// How the archive is named in messages and progress lines.
    public var label: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "standard input"
        }
    }

    func open() throws -> (reader: BlobReader, size: Int64?) {
        switch self {
        case .file(let path):
            let size = FileIO.lstat(path).flatMap { $0.st_mode & S_IFMT == S_IFREG ? Int64($0.st_size) : nil }
            return (try BlobReader(path: path), size)
        case .standardInput:
            return (BlobReader(fd: 0, label: label), nil)
        }
    }
}
