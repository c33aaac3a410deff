/// `NAME=value` entries in the order their names first appeared, a later entry for a
/// name replacing the earlier one — the rule for Env, `--env-file` and `-e` together.
struct EnvironmentList {
    private var order: [String] = []
    private var values: [String: String] = [:]

    /// Adds `NAME=value`; `NAME` alone (`-e NAME`) takes its value from `host`, or is
    /// skipped without one.
    mutating func set(_ entry: String, host: (String) -> String? = { _ in nil }) {
        let key = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
        let value: String
        if let eq = entry.firstIndex(of: "=") {
            value = String(entry[entry.index(after: eq)...])
        } else if let inherited = host(entry) {
            value = inherited
        } else {
            return
        }
        if values[key] == nil { order.append(key) }
        values[key] = value
    }

    func contains(_ name: String) -> Bool { values[name] != nil }

    var entries: [String] { order.map { "\($0)=\(values[$0]!)" } }
}
