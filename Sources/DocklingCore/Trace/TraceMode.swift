/// Where trace events go: nowhere, to people, or to programs.
public enum TraceMode: String, Sendable, CaseIterable {
    case off
    case human
    case json

    /// Parses the value of `--trace[=MODE]` or `DOCKLING_TRACE`.
    /// A bare `--trace` arrives as an empty string and means human.
    public init?(flagValue: String) {
        switch flagValue.lowercased() {
        case "", "1", "human", "on", "true": self = .human
        case "json": self = .json
        case "0", "off", "false", "none": self = .off
        default: return nil
        }
    }
}
