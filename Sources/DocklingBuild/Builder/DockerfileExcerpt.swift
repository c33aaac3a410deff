/// The few lines of a Dockerfile docker ≥ 23 prints under a failed build, the failing
/// instruction marked `>>>` (BuildKit `solver/errdefs/source.go`, `Source.Print`):
///
///     Dockerfile:3
///     --------------------
///        1 |     FROM busybox
///        2 |
///        3 | >>> RUN false
///        4 |
///     --------------------
public struct DockerfileExcerpt: Sendable, Equatable {
    public var file: String
    public var text: String
    /// The instruction's first and last line, 1-based.
    public var lines: ClosedRange<Int>

    public init(file: String, text: String, lines: ClosedRange<Int>) {
        self.file = file
        self.text = text
        self.lines = lines
    }

    /// The excerpt's lines, without a final newline. Up to two lines around a one-line
    /// instruction, one around a longer one: BuildKit's padding walk, step for step.
    public var rendered: [String] {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The newline that ends the last line starts no line of its own (docker shows none).
        if text.hasSuffix("\n") { all.removeLast() }
        guard lines.lowerBound >= 1, lines.lowerBound <= all.count else { return [] }
        var start = lines.lowerBound, end = min(lines.upperBound, all.count)
        let pad = start == end ? 4 : 2
        var walked = 0
        while walked < pad {
            if start > 1 { start -= 1; walked += 1 }
            if end != all.count { end += 1; walked += 1 }
            walked += 1
        }
        var out = ["\(file):\(lines.lowerBound)", "--------------------"]
        for number in start...end {
            let marker = lines.contains(number) ? ">>>" : "   "
            let digits = String(number)
            let padded = String(repeating: " ", count: max(0, 3 - digits.count)) + digits  // Go's %3d
            out.append(" \(padded) | \(marker) \(all[number - 1])")
        }
        out.append("--------------------")
        return out
    }
}
