/// "did you mean …?" for a mistyped instruction or flag, as BuildKit's `util/suggest` finds
/// it: the closest candidate within an edit distance of 2 (Levenshtein).
enum Suggestion {
    /// The candidate closest to `value`, spelled in `value`'s case when comparing ignores case;
    /// nil when none is close, or when `value` is itself a candidate.
    private static func closest(to value: String, among candidates: [String], caseSensitive: Bool) -> String? {
        let key = caseSensitive ? value : value.lowercased()
        var best: String?
        var bestDistance = 3
        for candidate in candidates {
            let option = caseSensitive ? candidate : candidate.lowercased()
            if option == key { return nil }
            let distance = editDistance(Array(key.unicodeScalars), Array(option.unicodeScalars))
            if distance < bestDistance {
                bestDistance = distance
                best = caseSensitive ? option : spelled(option, like: value)
            }
        }
        return best
    }

    /// `message (did you mean x?)` when there is a suggestion, else `message`.
    static func message(_ message: String, for value: String, among candidates: [String], caseSensitive: Bool) -> String {
        guard let match = closest(to: value, among: candidates, caseSensitive: caseSensitive) else { return message }
        return "\(message) (did you mean \(match)?)"
    }

    private static func spelled(_ option: String, like original: String) -> String {
        if original == original.lowercased() { return option.lowercased() }
        if original == original.uppercased() { return option.uppercased() }
        return option
    }

    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
