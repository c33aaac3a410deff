/// BuildKit writes its history entries with Go's `fmt`: `VOLUME %v` of a list,
/// `HEALTHCHECK %+v` with durations (`%q` is the parser's `GoQuote`). These are those
/// spellings, so that `dockling history` reads as `docker history` does.
enum GoFormat {
    /// `%v` of a `[]string`: `[/data /logs]`.
    static func list(_ words: [String]) -> String {
        "[" + words.joined(separator: " ") + "]"
    }

    /// `time.Duration.String()` of nanoseconds: `0s`, `1.5s`, `5m0s`, `1h0m0s`, `250ms`.
    static func duration(_ nanoseconds: Int64) -> String {
        let sign = nanoseconds < 0 ? "-" : ""
        let value = nanoseconds.magnitude
        if value == 0 { return "0s" }
        if value < 1_000 { return sign + "\(value)ns" }
        if value < 1_000_000 { return sign + decimal(value, unit: 1_000, digits: 3) + "µs" }
        if value < 1_000_000_000 { return sign + decimal(value, unit: 1_000_000, digits: 6) + "ms" }
        let hours = value / 3_600_000_000_000
        let minutes = value / 60_000_000_000 % 60
        let seconds = decimal(value % 60_000_000_000, unit: 1_000_000_000, digits: 9) + "s"
        if hours > 0 { return sign + "\(hours)h\(minutes)m" + seconds }
        return sign + (minutes > 0 ? "\(minutes)m" : "") + seconds
    }

    /// `value / unit` with the fraction's trailing zeros dropped (`1500, 1000` → `1.5`).
    private static func decimal(_ value: UInt64, unit: UInt64, digits: Int) -> String {
        var fraction = String(value % unit)
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(value / unit)" + (fraction.isEmpty ? "" : "." + fraction)
    }
}
