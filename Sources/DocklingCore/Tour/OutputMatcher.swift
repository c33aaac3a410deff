/// Compares a step's real output with the lesson's expected lines. A line `...` matches
/// any number of lines (none included); other lines must be equal, trailing white space
/// aside.
public enum OutputMatcher {
    public static func matches(expected: [String], actual: [String]) -> Bool {
        let want = expected.map(trimmed)
        let got = actual.map(trimmed)
        // reachable[j]: the expected lines so far can consume exactly got[..<j].
        var reachable = [Bool](repeating: false, count: got.count + 1)
        reachable[0] = true
        for line in want {
            var next = [Bool](repeating: false, count: got.count + 1)
            if line == "..." {
                var seen = false
                for j in 0...got.count {
                    seen = seen || reachable[j]
                    next[j] = seen
                }
            } else {
                for j in 0..<got.count where reachable[j] && got[j] == line { next[j + 1] = true }
            }
            reachable = next
        }
        return reachable[got.count]
    }

    /// Output text as lines, without the empty line after a final newline.
    public static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func trimmed(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last.isWhitespace { line.removeLast() }
        return String(line)
    }
}
