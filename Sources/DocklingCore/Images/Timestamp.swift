#if canImport(Glibc)
import Glibc
#endif

/// RFC 3339 times as image configs carry them (`2024-05-01T12:00:00Z`).
public enum Timestamp {
    /// Now — or `SOURCE_DATE_EPOCH` when it is set, the reproducible-builds convention
    /// that lets the same inputs give the same config, and so the same image id.
    public static func now() -> String {
        let epoch = ProcessEnvironment.value("SOURCE_DATE_EPOCH").flatMap { time_t($0) } ?? time(nil)
        return format(epoch)
    }

    /// Now, to the nanosecond, as docker writes container and log times
    /// (`2026-11-22T09:00:00.123456789Z`).
    public static func preciseNow() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var nanos = String(spec.tv_nsec)
        while nanos.count < 9 { nanos = "0" + nanos }
        return String(format(spec.tv_sec).dropLast()) + "." + nanos + "Z"
    }

    public static func format(_ seconds: time_t) -> String {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Seconds since the epoch for `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil if
    /// the text is not such a time.
    public static func parse(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int32? {
            guard start + count <= bytes.count else { return nil }
            return Int32(String(decoding: bytes[start..<start + count], as: UTF8.self))
        }
        guard bytes.count >= 20, let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        var result = Double(timegm(&parts))
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, (48...57).contains(bytes[index]) {
                result += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z") { return result }
        guard let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2) else { return nil }
        let offset = Double(offsetHours * 3600 + offsetMinutes * 60)
        return bytes[index] == UInt8(ascii: "-") ? result + offset : result - offset
    }
}
