/// What a container is doing: `containers/<id>/state.json`, replaced atomically.
public struct ContainerState: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case created, running, exited
    }

    public var status: Status
    /// The container's PID 1, as the host sees it.
    public var pid: Int32?
    /// dockling-init, which watches the container and records how it ended.
    public var monitorPID: Int32?
    /// When the monitor started (field 22 of /proc/PID/stat), so that a reused pid is
    /// never taken for the monitor.
    public var monitorStartTime: UInt64?
    public var exitCode: Int32?
    public var oomKilled: Bool
    public var startedAt: String?
    public var finishedAt: String?
    /// Why the container could not start, or why its end was not recorded.
    public var error: String?

    public static let created = ContainerState(status: .created, oomKilled: false)

    public init(status: Status, pid: Int32? = nil, monitorPID: Int32? = nil, monitorStartTime: UInt64? = nil,
                exitCode: Int32? = nil, oomKilled: Bool = false, startedAt: String? = nil,
                finishedAt: String? = nil, error: String? = nil) {
        self.status = status
        self.pid = pid
        self.monitorPID = monitorPID
        self.monitorStartTime = monitorStartTime
        self.exitCode = exitCode
        self.oomKilled = oomKilled
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
    }
}
