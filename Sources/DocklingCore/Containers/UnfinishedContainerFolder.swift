#if canImport(Glibc)
import Glibc
#endif

/// A container folder caught between names: `.new-<id>` while a create builds it (all of
/// that under containers/.lock), `.gone-<pid>-<id>` once a removal has taken it out of
/// every listing and process `<pid>` deletes it (that part without the lock, so the pid
/// says whose work it is). Either one, left behind, is prune's to finish.
struct UnfinishedContainerFolder {
    let path: String
    let id: String
    /// The process deleting a `.gone-` folder; nil for `.new-` and for older `.gone-<id>`.
    let maker: pid_t?

    private static let making = ".new-"
    private static let removing = ".gone-"

    /// Where a create builds `<root>/containers/<id>` before renaming it into place.
    static func creationName(of id: String) -> String { making + id }

    /// What `<root>/containers/<id>` is renamed to when this process removes it.
    static func removalName(of id: String) -> String {
        "\(removing)\(getpid())-\(id)"
    }

    /// nil for a name that is not an unfinished folder's.
    init?(path: String) {
        let name = Path.base(of: path)
        guard let prefix = [Self.making, Self.removing].first(where: name.hasPrefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-")
        guard let last = parts.last, parts.count <= 2 else { return nil }
        self.path = path
        id = String(last)
        maker = parts.count == 2 ? pid_t(parts[0]) : nil
    }
}
