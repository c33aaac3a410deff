import DocklingCore

/// docker's report after a prune: the heading and one line per removed thing (left out
/// when nothing went), then the space given back.
enum PruneReport {
    static func show(_ heading: String, _ lines: [String], bytes: Int64) {
        if !lines.isEmpty {
            Output.line(heading)
            lines.forEach(Output.line)
            Output.line("")
        }
        Output.line("Total reclaimed space: \(HumanUnits.size(bytes))")
    }
}
