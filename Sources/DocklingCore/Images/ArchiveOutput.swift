#if canImport(Glibc)
import Glibc
#endif

/// Where `save` writes an archive to.
public enum ArchiveOutput: Sendable {
    /// A file, written beside its final name and renamed when complete — unless it
    /// is a device or a pipe (`/dev/null`), which is written as it is.
    case file(String)
    case standardOutput

    /// Runs `write` with a sink for the archive and completes the output.
    func write(_ write: (ByteSink) throws -> Void) throws {
        switch self {
        case .standardOutput:
            try write(DescriptorSink(fd: 1))
        case .file(let path) where FileIO.statFollowing(path).map({ $0.st_mode & S_IFMT != S_IFREG }) == true:
            let fd = try FileIO.open(path, O_WRONLY)
            defer { Glibc.close(fd) }
            try write(DescriptorSink(fd: fd))
        case .file(let path):
            let staged = try StagingFile(in: Path.parent(of: path), prefix: "." + Path.base(of: path) + ".", hashing: false)
            try write(staged)
            try staged.commit(to: path, note: "the archive is complete: give it its name")
        }
    }
}
