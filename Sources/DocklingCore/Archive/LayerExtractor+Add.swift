extension LayerExtractor {
    /// `ADD archive.tar.gz /dest/`: a local file that is a tar archive — plain or
    /// compressed in any way libarchive reads (gzip, bzip2, xz, zstd…), told by its
    /// content, not its name — is unpacked into `directory` "like tar -x", with the same
    /// checks as a layer (no entry may reach outside) but no whiteouts: `.wh.NAME` is a file
    /// named so, as docker's `archive.Untar` leaves it. Docker's test is the same: can the
    /// first tar header be read? False, with nothing written, when it cannot (libarchive
    /// already refuses an unknown format when it opens the file). A file that cannot be
    /// opened is an error.
    package static func unpackIfArchive(_ file: String, into directory: String) throws -> Bool {
        let blob = try BlobReader(path: file)
        guard let probe = try? ArchiveReader(.tar(decompressing: true), from: blob, label: file),
              (try? probe.next()).flatMap({ $0 }) != nil else { return false }
        _ = try LayerExtractor(into: directory, convertingWhiteouts: false).extract(BlobReader(path: file), label: file)
        return true
    }
}
