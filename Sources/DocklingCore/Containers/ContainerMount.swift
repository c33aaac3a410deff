/// A mount a container asks for: `-v HOST:CTR[:ro]`, `-v NAME:CTR`, `--tmpfs CTR[:OPTS]`.
public struct ContainerMount: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case bind, volume, tmpfs
    }

    public var kind: Kind
    /// The host path (bind), the volume's name (volume), or nil (tmpfs).
    public var source: String?
    /// Where it appears inside the container.
    public var destination: String
    public var readOnly: Bool
    /// tmpfs options such as `size=64m,mode=1777`.
    public var options: String?

    public init(kind: Kind, source: String?, destination: String, readOnly: Bool = false, options: String? = nil) {
        self.kind = kind
        self.source = source
        self.destination = destination
        self.readOnly = readOnly
        self.options = options
    }

    /// Parses `-v` as docker does: a source with a slash is a host path, otherwise a
    /// volume name; an optional third field `ro` or `rw`.
    public static func parseVolume(_ text: String, cwd: String) throws -> ContainerMount {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, Path.isAbsolute(parts[1]) else {
            throw UsageError(step: "run", "invalid -v \(text)",
                             hint: "use HOST-PATH:CONTAINER-PATH[:ro] or VOLUME-NAME:CONTAINER-PATH[:ro]")
        }
        var readOnly = false
        if parts.count == 3 {
            guard parts[2] == "ro" || parts[2] == "rw" else {
                throw UsageError(step: "run", "invalid -v \(text): mode must be ro or rw, not \(parts[2])")
            }
            readOnly = parts[2] == "ro"
        }
        if Path.hasSlash(parts[0]) || parts[0].hasPrefix(".") {
            return ContainerMount(kind: .bind, source: Path.absolute(parts[0], cwd: cwd),
                                  destination: parts[1], readOnly: readOnly)
        }
        guard ContainerName.isValid(parts[0]) else {
            throw UsageError(step: "run", "invalid volume name \(parts[0]) in -v \(text)",
                             hint: "volume names are letters, digits, _ . - (two or more)")
        }
        return ContainerMount(kind: .volume, source: parts[0], destination: parts[1], readOnly: readOnly)
    }

    /// Parses `--tmpfs CTR[:OPTIONS]`.
    public static func parseTmpfs(_ text: String) throws -> ContainerMount {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let destination = parts.first, Path.isAbsolute(destination) else {
            throw UsageError(step: "run", "invalid --tmpfs \(text)", hint: "use CONTAINER-PATH[:OPTIONS]")
        }
        return ContainerMount(kind: .tmpfs, source: nil, destination: destination,
                              options: parts.count == 2 ? parts[1] : nil)
    }
}
