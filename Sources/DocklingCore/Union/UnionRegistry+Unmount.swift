import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension UnionRegistry {
    /// Takes the union at `dir` down and removes what `mount` made: the record, the work
    /// directory, the short layer names, and the upper directory when dockling made it.
    /// A record whose mount is already gone is cleared all the same.
    @discardableResult
    public func unmount(_ dir: String) throws -> UnionRecord {
        let target = try Self.checkedDirectory(dir, role: "mount point")
        let record = try existingRecord(at: target, named: dir)
        if let top = try MountTable.current().top(at: target) {
            guard top.type == "overlay" else {
                throw UnionError("\(dir) has a \(top.type) mount on top of the union", errno: .EBUSY,
                                 hint: "unmount that one first")
            }
            do throws(KernelError) {
                try OverlayMount.unmount(target)
            } catch {
                throw StepError(step: "union", error, hint: error.errno == .EBUSY
                    ? "a process still uses the union (its working directory or an open file is in it); `fuser -vm \(dir)` names it"
                    : nil)
            }
        } else {
            Tracer.shared.say("nothing is mounted at \(target) any more: only removing what mount made")
        }
        do throws(KernelError) {
            try removeFolder(folder(for: target))
            try removeDirectoryIfEmpty()
        } catch {
            throw StepError(step: "union", error,
                            hint: "the union is down; `dockling-union umount \(dir)` again finishes the clean-up")
        }
        return record
    }

    /// What a union's folder holds, and why each can go once the union is down. An upper
    /// directory given with `--upper` is not in the folder, so it stays.
    private static let removalNotes = [
        "mount.json": "the record: nothing is mounted from this folder any more",
        "upper": "the upper directory dockling made: the union's changes go with it",
        "work": "overlayfs's work directory: scratch space only",
        "l": "the short layer names: links only, the layers stay",
    ]

    /// The record goes last: until then, an interrupted `umount` can simply be run again.
    private func removeFolder(_ folder: String) throws(KernelError) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names.filter({ $0 != "mount.json" }) + names.filter({ $0 == "mount.json" }) {
            try TreeRemoval.remove(folder + "/" + name, note: Self.removalNotes[name] ?? "left over in the union's folder")
        }
        try Kernel.rmdir(folder, note: "the union's folder is empty now")
    }

    /// The unions folder goes with the last union, so a store looks as it did before.
    private func removeDirectoryIfEmpty() throws(KernelError) {
        guard (try? FileManager.default.contentsOfDirectory(atPath: directory))?.isEmpty == true else { return }
        do throws(KernelError) {
            try Kernel.rmdir(directory, note: "no union is left: remove dockling-union's folder too")
        } catch {
            // Another dockling-union removed it, or mounted a union meanwhile.
            guard error.errno == .ENOENT || error.errno == Errno(ENOTEMPTY) else { throw error }
        }
    }
}
