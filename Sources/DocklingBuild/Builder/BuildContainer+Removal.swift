import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension BuildContainer {
    /// Runs `body`, then removes the container whatever happened — its folder, and its
    /// cgroups if its monitor could not — so that a RUN step leaves nothing behind. When
    /// `body` failed, its error is the one reported, not one from the removal after it.
    func removing<T>(_ record: ContainerRecord, _ body: () throws -> T) throws -> T {
        let result = Result { try body() }
        if FileManager.default.fileExists(atPath: record.directory) {
            do {
                try ContainerStore(root: root).remove(record.id)
            } catch {
                _ = try result.get()
                throw error
            }
        }
        return try result.get()
    }

    /// Moves the container's upper directory out before the container is removed: the
    /// step's changes in overlayfs spelling (whiteouts, opaque folders), ready to be a layer.
    func changes(of record: ContainerRecord) throws -> String {
        let target = Self.scratchPath(root: root, kind: "changes")
        try Kernel.rename(record.upper, to: target,
                          note: "the RUN step's upper directory becomes its layer: take it before the container goes")
        return target
    }

    /// A fresh name under the store's tmp/ for scratch of this process: it ends in our
    /// pid, so `system prune` knows it for a leftover once we are gone.
    static func scratchPath(root: StoreRoot, kind: String) -> String {
        try? FileManager.default.createDirectory(atPath: root.tmp, withIntermediateDirectories: true)
        return root.tmp + "/build-\(kind)-" + ContainerID.generate().prefix(16) + "-\(getpid())"
    }
}
