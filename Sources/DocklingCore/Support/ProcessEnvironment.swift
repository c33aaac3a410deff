#if canImport(Glibc)
import Glibc
#endif

/// The environment of this process, read straight from `environ` (no Foundation).
public enum ProcessEnvironment {
    /// One variable's value: a lookup, where `current` copies the whole environment.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public static var current: [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            cursor += 1
        }
        return result
    }

    /// This process's environment as `KEY=VALUE` strings, to hand to a child unchanged.
    public static func entries() -> [String] { entries(current) }

    /// `KEY=VALUE` strings in a stable order, ready for execve.
    public static func entries(_ env: [String: String]) -> [String] {
        env.keys.sorted().map { "\($0)=\(env[$0]!)" }
    }
}
