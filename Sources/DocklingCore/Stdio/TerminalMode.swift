#if canImport(Glibc)
import Glibc
#endif

/// The user's terminal in raw mode while attached with -t: every key goes to the
/// container as typed (Ctrl-C included), and the container's terminal does the echoing.
/// Output processing stays on, as crun keeps it, so the host's newlines still work.
public final class TerminalMode {
    private let fd: Int32
    private var saved = termios()
    private var active = false

    public init(fd: Int32) { self.fd = fd }

    public func makeRaw() throws(KernelError) {
        guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return }
        var raw = saved
        cfmakeraw(&raw)
        raw.c_oflag = saved.c_oflag
        try Kernel.setTerminalAttributes(fd, raw, note: "raw mode: keys go to the container as typed, Ctrl-C too")
        active = true
    }

    /// Puts the terminal back as it was; called on every way out.
    public func restore() {
        guard active else { return }
        try? Kernel.setTerminalAttributes(fd, saved, note: "give the terminal back as it was")
        active = false
    }

    deinit { restore() }
}

extension Kernel {
    /// Sets a terminal's modes, waiting for pending output to drain first.
    /// The corresponding C function is `tcsetattr` (an ioctl, TCSETSW).
    public static func setTerminalAttributes(_ fd: Int32, _ modes: termios, note: String) throws(KernelError) {
        var modes = modes
        try traced("ioctl", [String(fd), "TCSETSW", "{...}"], note: note) { Int(tcsetattr(fd, TCSADRAIN, &modes)) }
    }
}
