import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension UnionRegistry {
    /// Mounts the layers of `image` at `dir` under a writable upper directory — `upper`
    /// when given, else a fresh one under the union's folder — and records what was made.
    ///
    /// The record is written before the mount, so that whatever happens after, `umount`
    /// finds what to take down; if the mount fails, everything made for it is removed.
    public func mount(image name: String, at dir: String, upper: String?) throws -> UnionRecord {
        let target = try Self.checkedMountPoint(dir)
        let givenUpper = try upper.map { try checkedUpper($0, target: target) }
        let store = ImageStore(root: root)
        let layers = try store.layerDirectories(of: store.image(name))
        let folder = folder(for: target)
        try clearStale(folder)
        let record = UnionRecord(
            image: name, target: target,
            union: UnionLayout(layers: layers, upper: givenUpper ?? folder + "/upper", work: folder + "/work"),
            createdUpper: givenUpper == nil)
        do {
            try create(record, in: folder)
            try OverlayMount.mount(record.union, at: target)
        } catch {
            try? TreeRemoval.remove(folder, note: "the mount failed: remove what was made for it")
            if let error = error as? KernelError { throw StepError(step: "union", error, hint: Self.hint(error.errno)) }
            throw error
        }
        return record
    }

    /// Makes the union's folder, its record, and the upper and work directories.
    private func create(_ record: UnionRecord, in folder: String) throws {
        if !FileManager.default.fileExists(atPath: directory) {
            do throws(KernelError) {
                try Kernel.mkdir(directory, note: "dockling-union keeps one folder per union it mounts here")
            } catch {
                guard error.errno == .EEXIST else { throw error }  // another dockling-union made it meanwhile
            }
        }
        try Kernel.mkdir(folder, note: "this union's folder, named by a hash of the mount point's path")
        try AtomicFile.write(json: record, to: folder + "/mount.json")
        if record.createdUpper {
            try Kernel.mkdir(record.union.upper,
                             note: "the upper directory: every write to the union lands here; the layers never change")
        }
        try Kernel.mkdir(record.union.work,
                         note: "overlayfs's work directory: it builds each copy-up here, then renames it into upper")
    }

    /// A folder whose mount is gone (the machine rebooted, or someone ran umount by hand)
    /// holds nothing anyone can use: the mount point is free, so the folder is left over.
    private func clearStale(_ folder: String) throws {
        guard FileManager.default.fileExists(atPath: folder) else { return }
        Tracer.shared.say("\(folder) is left over from a mount that is gone: removing it first")
        do throws(KernelError) {
            try TreeRemoval.remove(folder, note: "clear what an earlier mount at this directory left behind")
        } catch {
            throw StepError(step: "union", error, hint: "remove \(folder) by hand, then mount again")
        }
    }

    /// What a refused mkdir(2) or mount(2) most likely means.
    static func hint(_ errno: Errno) -> String {
        switch errno {
        case Errno(EPERM): return "mounting needs root (CAP_SYS_ADMIN in the mount namespace's user namespace)"
        case .ENOENT: return "a layer, the upper or the work directory is missing"
        case .EEXIST: return "another dockling-union is mounting at this directory right now"
        default:
            return "overlayfs wants upper and work on one filesystem with trusted.* xattrs; `dmesg | tail` says why it refused"
        }
    }
}
