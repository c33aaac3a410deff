/// Go's `time.ParseDuration`, which HEALTHCHECK's `--interval`, `--timeout`, `--start-period`
/// and `--start-interval` use: `1h30m`, `5s`, `1.5s`, `300ms`, `0`; nanoseconds out.
enum GoDuration {
    private static let units: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    static func nanoseconds(_ text: String) throws(DockerfileError.Message) -> Int64 {
        let invalid = DockerfileError.Message("time: invalid duration \(GoQuote.string(text))")
        var rest = Substring(text)
        var sign = 1.0
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { throw invalid }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1, let value = Double(number) else {
                throw invalid
            }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard !unit.isEmpty else { throw .init("time: missing unit in duration \(GoQuote.string(text))") }
            guard let scale = units.first(where: { $0.0 == unit })?.1 else {
                throw .init("time: unknown unit \(GoQuote.string(String(unit))) in duration \(GoQuote.string(text))")
            }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        guard total * sign <= Double(Int64.max), total * sign >= Double(Int64.min) else { throw invalid }
        return Int64((total * sign).rounded())
    }
}
