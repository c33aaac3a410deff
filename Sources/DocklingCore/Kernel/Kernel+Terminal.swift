#if canImport(Glibc)
import Glibc
#endif
import CLinux

extension Kernel {
    /// A new pseudo-terminal from `ptmx`: the master (for whoever moves the bytes) and
    /// the slave (the terminal the command will see).
    /// The corresponding C functions are `openat` of /dev/ptmx, `ioctl(TIOCSPTLCK)` (unlockpt)
    /// and `openat` of the slave.
    public static func openPTY(_ ptmx: String, note: String) throws(KernelError) -> (master: Int32, slave: Int32, name: String) {
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 64)
        let master = try traced("openat", ["AT_FDCWD", StraceFormat.quote(ptmx), "O_RDWR|O_NOCTTY|O_CLOEXEC"], note: note) {
            Int(dl_open_pty(ptmx, &slave, &name, name.count))
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (Int32(master), slave, path)
    }

    /// Makes a terminal the controlling terminal of the caller's session: from now on
    /// Ctrl-C typed there sends SIGINT to its foreground process group.
    /// The corresponding C function is `ioctl` (TIOCSCTTY).
    public static func setControllingTerminal(_ fd: Int32, note: String) throws(KernelError) {
        try traced("ioctl", [String(fd), "TIOCSCTTY", "0"], note: note) { Int(dl_set_controlling_tty(fd)) }
    }

    /// A terminal's size in rows and columns, or nil when `fd` is not a terminal.
    /// The corresponding C function is `ioctl` (TIOCGWINSZ). Not traced: it only reads.
    public static func windowSize(_ fd: Int32) -> (rows: UInt16, columns: UInt16)? {
        var rows: UInt16 = 0
        var columns: UInt16 = 0
        return dl_get_window_size(fd, &rows, &columns) == 0 ? (rows, columns) : nil
    }

    /// Sets a terminal's size; the kernel sends SIGWINCH to its foreground process group.
    /// The corresponding C function is `ioctl` (TIOCSWINSZ).
    public static func setWindowSize(_ fd: Int32, rows: UInt16, columns: UInt16, note: String) throws(KernelError) {
        try traced("ioctl", [String(fd), "TIOCSWINSZ", "{ws_row=\(rows), ws_col=\(columns)}"], note: note) {
            Int(dl_set_window_size(fd, rows, columns))
        }
    }
}
