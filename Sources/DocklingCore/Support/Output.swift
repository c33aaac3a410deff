#if canImport(Glibc)
import Glibc
#endif

/// Writing text to a descriptor without stdio buffers: one write(2) per call when the
/// kernel takes it whole, so lines from several processes do not interleave.
public enum Output {
    public static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// A line on standard output.
    public static func line(_ text: String) { write(text + "\n", to: 1) }

    /// A line on standard error.
    public static func errorLine(_ text: String) { write(text + "\n", to: 2) }
}
