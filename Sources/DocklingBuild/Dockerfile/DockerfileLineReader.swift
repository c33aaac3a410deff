/// The loop of BuildKit's `parser.Parse`: directives at the top, comments and blank lines
/// skipped, continuation lines joined (comment lines inside them dropped, empty ones warned
/// about), each instruction split by `InstructionSplitter`, then its heredoc bodies read.
struct DockerfileLineReader {
    private var lines: DockerfileLines
    private let file: String
    private var directives = ParserDirectives()
    private var escape: Unicode.Scalar = "\\"
    private var warnings: [DockerfileWarning] = []
    private var instructions: [DockerfileNode] = []

    init(text: String, file: String) {
        self.lines = DockerfileLines(text, file: file)
        self.file = file
    }

    mutating func read() throws(DockerfileError) -> DockerfileSyntaxTree {
        while let raw = try lines.next() {
            let start = lines.number
            var (line, ended) = trimmingContinuation(try firstLine(raw))
            if ended && line.isEmpty { continue }
            var joined = String(line)
            var hadEmptyLine = false
            while !ended, let next = try lines.next() {
                let text = next.withoutLineEnd
                if text.isComment { continue }
                if text.withoutLeadingSpace.isEmpty {
                    hadEmptyLine = true
                    continue
                }
                (line, ended) = trimmingContinuation(text)
                joined += line
            }
            if hadEmptyLine {
                warnings.append(DockerfileWarning(line: lines.number, message: "Empty continuation line found in: \(joined)"))
            }
            var node: DockerfileNode
            do {
                node = try InstructionSplitter(escape: escape).node(from: joined)
            } catch {
                throw DockerfileError(file: file, line: start, message: error.text)
            }
            if node.canContainHeredoc && joined.contains("<<") {
                try readHeredocs(into: &node, start: start)
            }
            node.startLine = start
            node.endLine = lines.number
            instructions.append(node)
        }
        if instructions.isEmpty {
            throw DockerfileError(file: file, line: nil, message: "file with no instructions")
        }
        return DockerfileSyntaxTree(instructions: instructions, directives: directives.values,
                                    warnings: warnings, escape: Character(escape))
    }

    /// The first line of an instruction: line end and leading blanks removed, a directive
    /// taken in (an empty result means nothing to parse: a comment or a blank line).
    private mutating func firstLine(_ raw: Substring) throws(DockerfileError) -> Substring {
        let line = raw.withoutLineEnd.withoutLeadingSpace
        do {
            if try directives.read(line, number: lines.number), let value = directives.values["escape"] {
                escape = value.unicodeScalars.first!
            }
        } catch {
            throw DockerfileError(file: file, line: lines.number, message: error.text)
        }
        if let syntax = directives.values["syntax"], directives.lines["syntax"] == lines.number {
            warnings.append(DockerfileWarning(line: lines.number, message:
                "the syntax directive is ignored: dockling reads the Dockerfile itself and pulls no frontend (\(syntax))"))
        }
        return line.isComment ? "" : line
    }

    /// The line without a trailing escape character (and the blanks after it), and whether the
    /// instruction ends here. An escape character preceded by another one does not continue.
    private func trimmingContinuation(_ line: Substring) -> (Substring, Bool) {
        var scalars = line.unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        guard scalars.last == escape else { return (line, true) }
        scalars.removeLast()
        if let before = scalars.last, before == escape { return (line, true) }
        return (Substring(scalars), false)
    }

    /// The body of each heredoc the line names, up to its delimiter line (`<<-`: the delimiter
    /// may be indented by tabs, and the body loses its leading tabs).
    private mutating func readHeredocs(into node: inout DockerfileNode, start: Int) throws(DockerfileError) {
        let words: [HeredocWord]
        do {
            words = try HeredocWord.all(in: node.original)
        } catch {
            throw DockerfileError(file: file, line: start, message: error.text)
        }
        var heredocs: [Heredoc] = []
        for word in words {
            var content = ""
            var terminated = false
            while let raw = try lines.next() {
                var candidate = raw.withoutLineEnd
                if word.chomp { candidate = Substring(candidate.unicodeScalars.drop { $0 == "\t" }) }
                if candidate == word.name {
                    terminated = true
                    break
                }
                content += raw
            }
            guard terminated else { throw DockerfileError(file: file, line: start, message: "unterminated heredoc") }
            heredocs.append(Heredoc(name: word.name, content: word.chomp ? Heredoc.chomped(content) : content,
                                    expand: word.expand))
        }
        node.heredocs = heredocs
    }
}
