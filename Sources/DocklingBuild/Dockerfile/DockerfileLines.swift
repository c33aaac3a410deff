/// The physical lines of a Dockerfile, one at a time, with their line ends kept (heredoc
/// bodies need them), as BuildKit's scanner hands them out.
struct DockerfileLines {
    /// BuildKit reads lines with Go's `bufio.Scanner`, whose buffer holds 64 KiB.
    static let maximumLength = 65535

    private let lines: [Substring]
    private let file: String
    /// How many lines have been handed out: the 1-based number of the last one.
    private(set) var number = 0

    init(_ text: String, file: String) {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        var lines: [Substring] = []
        var start = text.startIndex
        for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
            let end = text.unicodeScalars.index(after: index)
            lines.append(text[start..<end])
            start = end
        }
        if start < text.endIndex { lines.append(text[start...]) }
        self.lines = lines
        self.file = file
    }

    /// The next line, its line end included; nil at the end of the file.
    mutating func next() throws(DockerfileError) -> Substring? {
        guard number < lines.count else { return nil }
        let line = lines[number]
        number += 1
        if line.utf8.count - (line.utf8.last == UInt8(ascii: "\n") ? 1 : 0) > Self.maximumLength {
            throw DockerfileError(file: file, line: number,
                                  message: "dockerfile line greater than max allowed size of \(Self.maximumLength)")
        }
        return line
    }
}

extension StringProtocol {
    /// Without the line end (`\n`, `\r\n`, or any run of them).
    var withoutLineEnd: Substring {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
        return Substring(scalars)
    }

    /// Without leading white space (Go's `unicode.IsSpace`).
    var withoutLeadingSpace: Substring {
        Substring(Substring(self).unicodeScalars.drop { $0.properties.isWhitespace })
    }

    /// Without leading and trailing white space (Go's `strings.TrimSpace`).
    var trimmedSpace: Substring {
        var scalars = Substring(self).unicodeScalars.drop { $0.properties.isWhitespace }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return Substring(scalars)
    }

    /// A comment line: `#` is its first character after white space.
    var isComment: Bool { withoutLeadingSpace.unicodeScalars.first == "#" }
}

extension String {
    /// A string of these Unicode scalars (the parsers work on scalars, never on grapheme
    /// clusters, so that `\r\n` or a combining mark never hides a quote or an escape).
    init(scalars: some Sequence<Unicode.Scalar>) {
        self.init(String.UnicodeScalarView(scalars))
    }
}
