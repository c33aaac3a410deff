#if canImport(Glibc)
import Glibc
#endif

extension Kernel {
    /// Gives a file or directory a new name in one step: readers see the old state or
    /// the new one, never a half-written file. This is how dockling publishes blobs,
    /// unpacked layers and index.json.
    /// The corresponding C function is `rename`.
    public static func rename(_ source: String, to target: String, note: String) throws(KernelError) {
        try traced("rename", [StraceFormat.quote(source), StraceFormat.quote(target)], note: note) {
            Int(Glibc.rename(source, target))
        }
    }
}
