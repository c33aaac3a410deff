#if canImport(Glibc)
import Glibc
#endif

/// The canonical absolute path of a folder on the host, every symlink in it resolved
/// (realpath(3)); nil, with errno set, when it does not exist.
func hostRealPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
