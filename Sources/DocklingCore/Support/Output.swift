#if canImport(Glibc)
import Glibc
#endif

/// Writing text to a descriptor without stdio buffers: one write(2) per call when the
/// kernel takes it whole, so lines from several processes do not interleave.
public enum Output {
    public static func write(_ text: String, to fd: Int32) {
        write(bytes: Array(text.utf8)[...], to: fd)
    }

    /// Raw bytes, all of them unless the descriptor is closed or broken; false then.
    @discardableResult
    public static func write(bytes: ArraySlice<UInt8>, to fd: Int32) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// A line on standard output.
    public static func line(_ text: String) { write(text + "\n", to: 1) }

    /// A line on standard error.
    public static func errorLine(_ text: String) { write(text + "\n", to: 2) }
}
