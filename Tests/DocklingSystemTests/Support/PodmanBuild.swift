import Foundation
import XCTest

/// What the build interop tests ask of podman besides `PrivatePodman.run`: a build with the
/// flags this machine needs, an image's inspect record, and an image's files as a container
/// made from it holds them.
extension PrivatePodman {
    /// `podman build` of `context` as docker builds: docker format, cached layers, images
    /// from its own store only, no `io.buildah.version` label (docker adds none). runc is this
    /// machine's runtime, and `--network none` keeps the RUN steps off the machine's network
    /// (without it podman would make a bridge and firewall rules).
    func build(_ context: String, tag: String) throws {
        try run(["build", "--format", "docker", "--layers", "--network", "none", "--runtime", "runc",
                 "--pull=never", "--identity-label=false", "-t", tag, context])
    }

    /// `podman image inspect` of one image, decoded.
    func inspectImage(_ image: String) throws -> [String: Any] {
        let output = try run(["image", "inspect", image]).stdout
        let array = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        return try XCTUnwrap(array?.first, "podman image inspect \(image)")
    }

    /// The files of `image` as podman unpacks them, layer on layer with whiteouts applied:
    /// `podman create` (the container is never started, so the runtime adds nothing) and
    /// `podman export`, listed by `FileListing`. `work` holds the exported archive.
    func files(of image: String, work: String) throws -> [String] {
        let container = try run(["create", "--runtime", "runc", "--network", "none", image]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? run(["rm", container]) }
        let archive = work + "/" + container + ".tar"
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try run(["export", "-o", archive, container])
        return try FileListing.of(archive: archive)
    }
}

/// An archive's entries as `tar tv` lists them (mode, numeric owner, size, path, link target),
/// without the modification time — builds at different moments differ there and nowhere
/// else — sorted by path.
enum FileListing {
    static func of(archive: String) throws -> [String] {
        let listed = try Tool.exec("/bin/tar", ["--numeric-owner", "-tvf", archive], timeout: 60)
        XCTAssertEqual(listed.status, 0, "tar -tvf \(archive): \(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").map { line in
            // mode, owner, size, date, time, then the path (which may hold spaces) and its link.
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            return (path: fields.count == 6 ? String(fields[5]) : String(line),
                    row: (fields.prefix(3) + fields.suffix(1)).joined(separator: " "))
        }
        return rows.sorted { $0.path < $1.path }.map(\.row)
    }
}

/// A JSON value of an inspect record in one spelling, so that key order and absent-vs-empty
/// do not count when dockling's and podman's records are compared.
enum JSONSpelling {
    static func of(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "absent" }
        if let text = value as? String, text.isEmpty { return "absent" }
        if let dictionary = value as? [String: Any], dictionary.isEmpty { return "absent" }
        if let list = value as? [Any], list.isEmpty { return "absent" }
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
