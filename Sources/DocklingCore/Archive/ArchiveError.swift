import CLibArchive

/// A failure reading or writing an archive — above all, an entry refused because it
/// would write outside the layer it belongs to. The entry is always named.
public struct ArchiveError: DocklingFailure {
    public let step = "archive"
    public let what: String
    public let errno: Errno?
    public let hint: String?

    init(_ what: String, errno: Errno? = nil, hint: String? = nil) {
        self.what = what
        self.errno = errno
        self.hint = hint
    }

    /// An entry that would escape its layer directory: the archive is hostile or broken.
    static func refused(_ entry: String, _ reason: String) -> ArchiveError {
        ArchiveError("refused entry '\(entry)': \(reason)",
                     hint: "the archive tries to write outside its layer, so nothing of it was kept")
    }

    /// What libarchive said went wrong with `archive`.
    static func libarchive(_ archive: OpaquePointer, _ doing: String) -> ArchiveError {
        let message = archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
        let code = archive_errno(archive)
        return ArchiveError("\(doing): \(message)", errno: code > 0 ? Errno(code) : nil)
    }
}
