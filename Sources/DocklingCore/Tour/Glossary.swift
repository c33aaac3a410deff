import FoundationEssentials

/// `lessons/glossary.md`: the lessons' technical words, each a `## word` heading over a
/// short paragraph. A lesson links a word the first time it uses it
/// (`[pidfd](glossary.md#pidfd)`); the tour shows the word marked and its entry right
/// below the paragraph, so the learner never has to leave the screen to look it up.
public struct Glossary: Sendable {
    /// Entries by anchor (GitHub's spelling of the heading: `fork-and-exec`).
    private var entries: [String: (word: String, text: String)] = [:]

    public init(markdown: String) {
        var word: String?
        var lines: [String] = []
        func flush() {
            if let word { entries[Self.anchor(word)] = (word, Self.plain(lines.joined(separator: "\n").trimmingBlankLines())) }
            lines = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") {
                flush()
                word = String(line.dropFirst(3))
            } else if word != nil {
                lines.append(line)
            }
        }
        flush()
    }

    /// GitHub's anchor for a heading: lower case, spaces as hyphens, other punctuation gone.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    /// The prose with each glossary link shown as `word°`, and the entries it links, in
    /// the order they first appear.
    public func annotate(_ prose: String) -> (text: String, notes: [String]) {
        var notes: [String] = []
        var anchors: [String] = []
        let text = Self.replacingLinks(in: prose) { label, target in
            guard target.hasPrefix("glossary.md#") else { return label }
            let anchor = String(target.dropFirst("glossary.md#".count))
            guard let entry = entries[anchor] else { return label }
            if !anchors.contains(anchor) {
                anchors.append(anchor)
                notes.append("° \(entry.word): \(entry.text)")
            }
            return label + "°"
        }
        return (text, notes)
    }

    /// Text with Markdown links `[label](target)` as their labels alone.
    static func plain(_ text: String) -> String { replacingLinks(in: text) { label, _ in label } }

    /// Replaces each `[label](target)` with what `replace` makes of it.
    static func replacingLinks(in text: String, _ replace: (String, String) -> String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: "]"), rest.index(after: close) < rest.endIndex,
                  rest[rest.index(after: close)] == "(", let end = rest[close...].firstIndex(of: ")") else {
                // A bracket that starts no link (`[exit 1]`) is text.
                out += "["
                rest = rest.dropFirst()
                continue
            }
            let label = String(rest[rest.index(after: open)..<close])
            out += replace(label, String(rest[rest.index(close, offsetBy: 2)..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
