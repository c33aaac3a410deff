/// Where trace events go: nowhere, to people (the lesson's view or every event), or to
/// programs.
public enum TraceMode: String, Sendable, CaseIterable {
    case off
    /// Grouped by step, folded and fitted to the terminal: what the lesson talks about.
    case human
    /// Grouped by step and fitted, but every event shown.
    case all
    /// One JSON object per event, as they are written: complete, for programs.
    case json

    /// Parses the value of `--trace[=MODE]` or `DOCKLING_TRACE`.
    /// A bare `--trace` arrives as an empty string and means human.
    public init?(flagValue: String) {
        switch flagValue.lowercased() {
        case "", "1", "human", "on", "true": self = .human
        case "all", "whole": self = .all
        case "json": self = .json
        case "0", "off", "false", "none": self = .off
        default: return nil
        }
    }

    /// Whether a person reads it: the events are collected and shown as a view.
    public var isView: Bool { self == .human || self == .all }
}
