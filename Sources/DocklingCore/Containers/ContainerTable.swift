/// `docker ps`: one row per container, in docker's columns.
public enum ContainerTable {
    public static let header = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]

    public static func row(_ record: ContainerRecord, now: Double, noTrunc: Bool) -> [String] {
        let config = record.config
        var command = "\"" + config.commandLine + "\""
        if !noTrunc && command.count > 22 { command = String(command.prefix(19)) + "…\"" }
        return [noTrunc ? config.id : config.shortID, config.image, command,
                ago(config.created, now: now), status(record.state, now: now), "", config.name]
    }

    /// `Up 3 seconds`, `Exited (0) 2 minutes ago`, `Created`.
    public static func status(_ state: ContainerState, now: Double) -> String {
        switch state.status {
        case .created: return "Created"
        case .running:
            let since = state.startedAt.flatMap(Timestamp.parse) ?? now
            return "Up " + HumanUnits.duration(seconds: now - since)
        case .exited:
            let code = state.exitCode.map(String.init) ?? "?"
            return "Exited (\(code)) " + ago(state.finishedAt ?? state.startedAt ?? "", now: now)
        }
    }

    static func ago(_ time: String, now: Double) -> String {
        guard let then = Timestamp.parse(time) else { return "" }
        return HumanUnits.duration(seconds: now - then) + " ago"
    }

    /// Columns padded as docker's tabwriter pads them for containers: three spaces
    /// between columns, no minimum width.
    public static func render(_ rows: [[String]]) -> String {
        TextTable.render(rows, minimumWidth: 0)
    }
}
