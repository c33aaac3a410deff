import FoundationEssentials

/// Reading a container's json-file log back: `docker logs`.
public struct ContainerLog {
    public struct Line: Decodable, Sendable {
        public let log: String
        public let stream: String
        public let time: String
    }

    public let path: String

    public init(path: String) { self.path = path }

    /// The lines from byte `offset` on, and the offset after the last whole line.
    public func lines(from offset: Int = 0) -> (lines: [Line], next: Int) {
        guard let data = FileManager.default.contents(atPath: path), offset < data.count else { return ([], offset) }
        let bytes = [UInt8](data)
        var lines: [Line] = []
        var start = offset
        let decoder = JSONDecoder()
        for index in offset..<bytes.count where bytes[index] == UInt8(ascii: "\n") {
            if let line = try? decoder.decode(Line.self, from: Data(bytes[start..<index])) { lines.append(line) }
            start = index + 1
        }
        return (lines, start)
    }

    /// Writes lines to stdout or stderr as they were written, with `-t` times.
    public static func show(_ lines: [Line], timestamps: Bool) {
        for line in lines {
            let text = timestamps ? line.time + " " + line.log : line.log
            Output.write(text, to: line.stream == "stderr" ? 2 : 1)
        }
    }
}
