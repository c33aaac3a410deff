import FoundationEssentials

/// One `docker commit --change` instruction: a line of Dockerfile that edits how the new
/// image starts, without changing its files.
///
///     CMD ["echo","hi"]        CMD echo hi          (the shell form runs under /bin/sh -c)
///     ENTRYPOINT ["httpd"]     ENV COLOR=blue NAME="a b"     WORKDIR /srv     EXPOSE 80 53/udp
public enum ImageChange: Equatable, Sendable {
    case cmd([String])
    case entrypoint([String])
    /// `KEY=VALUE` pairs.
    case env([String])
    case workdir(String)
    case expose([String])

    public static let supported = ["CMD", "ENTRYPOINT", "ENV", "WORKDIR", "EXPOSE"]

    public init(parsing line: String) throws(ImageError) {
        let text = line.drop { $0 == " " || $0 == "\t" }
        let instruction = String(text.prefix { $0 != " " && $0 != "\t" })
        let argument = String(text.dropFirst(instruction.count).drop { $0 == " " || $0 == "\t" })
        guard !argument.isEmpty else { throw ImageError("--change '\(line)' has no argument") }
        switch instruction.uppercased() {
        case "CMD": self = .cmd(Self.command(argument))
        case "ENTRYPOINT": self = .entrypoint(Self.command(argument))
        case "ENV": self = .env(try Self.variables(argument, line: line))
        case "WORKDIR": self = .workdir(argument)
        case "EXPOSE": self = .expose(try Self.ports(argument, line: line))
        default:
            throw ImageError("--change '\(line)': dockling commit can change \(Self.supported.joined(separator: ", "))",
                             hint: "give one instruction per --change, such as -c 'CMD [\"echo\",\"hi\"]'")
        }
    }

    /// The exec form (a JSON array) as it is; anything else is the shell form, which
    /// Dockerfiles run as `/bin/sh -c "…"`.
    static func command(_ text: String) -> [String] {
        if text.hasPrefix("["), let words = try? JSONCoding.decode([String].self, from: Array(text.utf8), what: text) {
            return words
        }
        return ["/bin/sh", "-c", text]
    }

    /// `K=V K2="v 2"`, or the old form `K the whole value`, as `KEY=VALUE` pairs.
    private static func variables(_ text: String, line: String) throws(ImageError) -> [String] {
        let words: [String]
        do { words = try ImageSettings.words(text) } catch { throw ImageError("--change '\(line)': unterminated quote") }
        guard let first = words.first, first.contains("=") else {
            guard words.count > 1 else { throw ImageError("--change '\(line)': '\(text)' is not KEY=VALUE") }
            let key = String(text.prefix { $0 != " " && $0 != "\t" })
            return [key + "=" + String(text.dropFirst(key.count).drop { $0 == " " || $0 == "\t" })]
        }
        for word in words where word.hasPrefix("=") || !word.contains("=") {
            throw ImageError("--change '\(line)': '\(word)' is not KEY=VALUE")
        }
        return words
    }

    /// `80`, `80/tcp`, `53/udp` as the config's keys (`80/tcp`).
    private static func ports(_ text: String, line: String) throws(ImageError) -> [String] {
        try text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word throws(ImageError) in
            let parts = word.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let port = UInt16(parts[0]), port > 0,
                  parts.count == 1 || ["tcp", "udp", "sctp"].contains(parts[1].lowercased()) else {
                throw ImageError("--change '\(line)': '\(word)' is not PORT or PORT/PROTOCOL")
            }
            return "\(port)/\(parts.count == 2 ? parts[1].lowercased() : "tcp")"
        }
    }
}
