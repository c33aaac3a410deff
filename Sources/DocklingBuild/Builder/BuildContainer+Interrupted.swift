import DocklingCore

/// Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT) came while a RUN step ran: its container was
/// killed and removed, and the build stops. Exits as a shell does after the signal.
public struct BuildInterrupted: DocklingFailure {
    public let signal: Int32

    public init(signal: Int32) { self.signal = signal }

    public var step: String { "build" }
    public var what: String { "interrupted by \(Signals.name(signal)): the RUN step's container is removed" }
    public var exitCode: Int32 { 128 + signal }
}
