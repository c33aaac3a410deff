/// The command could not be started. docker's exit codes: 127 when it does not exist,
/// 126 when it exists but cannot be executed.
public struct CommandNotRunnable: DocklingFailure {
    public let step = "exec"
    public let command: String
    /// The errno of the failed execve; nil when the command was not found on PATH.
    public let errno: Errno?

    public init(command: String, errno: Errno?) {
        self.command = command
        self.errno = errno
    }

    public var what: String {
        errno == nil ? "\(command): command not found" : "\(command): cannot execute"
    }

    public var hint: String? {
        errno == nil ? "it is in none of the directories on PATH" : nil
    }

    public var exitCode: Int32 { errno == nil || errno == .ENOENT ? 127 : 126 }
}
