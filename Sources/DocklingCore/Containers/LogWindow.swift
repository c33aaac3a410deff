#if canImport(Glibc)
import Glibc
#endif

/// `logs --since` and `--until`: an RFC 3339 time, or a duration back from now
/// (`10s`, `42m`, `2h`), as docker reads them.
public enum LogWindow {
    public static func parse(_ text: String, now: Double) throws -> Double {
        if let time = Timestamp.parse(text) { return time }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        if let unit = text.last.flatMap({ units[$0] }), let count = Double(text.dropLast()), count >= 0 {
            return now - count * unit
        }
        if let seconds = Double(text) { return seconds }
        throw UsageError(step: "logs", "invalid time \"\(text)\"",
                         hint: "use an RFC 3339 time such as 2026-11-22T09:00:00Z, or a duration such as 10m")
    }

    /// The lines written at or after `since` and before `until`.
    public static func filter(_ lines: [ContainerLog.Line], since: Double?, until: Double?) -> [ContainerLog.Line] {
        lines.filter { line in
            guard let time = Timestamp.parse(line.time) else { return true }
            return time >= (since ?? -Double.infinity) && time < (until ?? Double.infinity)
        }
    }
}
