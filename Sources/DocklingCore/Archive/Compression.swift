import CLibArchive

/// How a layer blob is compressed, as libarchive found it while reading.
public enum Compression: Sendable, Equatable {
    case none, gzip, zstd
    /// Another filter (xz, bzip2…): readable, but not a layer media type OCI defines.
    case other(String)

    init(filterCode: Int32) {
        switch filterCode {
        case ARCHIVE_FILTER_NONE: self = .none
        case ARCHIVE_FILTER_GZIP: self = .gzip
        case ARCHIVE_FILTER_ZSTD: self = .zstd
        default: self = .other("libarchive filter \(filterCode)")
        }
    }

    /// The OCI media type of a layer blob compressed this way.
    public var layerMediaType: String? {
        switch self {
        case .none: return MediaType.ociLayer
        case .gzip: return MediaType.ociLayerGzip
        case .zstd: return MediaType.ociLayerZstd
        case .other: return nil
        }
    }
}

extension Compression {
    /// Looks at the start of a file the way libarchive does when it reads it.
    static func of(file path: String) throws -> Compression {
        try UncompressedStream(BlobReader(path: path), label: path).compression
    }
}
