import DocklingCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The new layer's folder, written by COPY and ADD through the image it will sit on.
///
/// Every path is resolved in the merged view — the base image's layers with this folder
/// on top, as overlayfs will stack them — with symlinks followed inside that view, never
/// on the host. Then the parts that must exist are made *in this folder*: a symlink in
/// the image (`/var/run -> /run`) leads a write to `run/` here, and no symlink can lead
/// a write out of the folder.
struct LayerFolder {
    /// The layer folder, every symlink in its own path resolved.
    let root: String
    /// The base's layers with this folder on top.
    let view: LayeredTree
    /// Who owns what is written; nil keeps each source's owner (`COPY --from`).
    let owner: (uid: UInt32, gid: UInt32)?
    let chmod: FileModeChange?
    /// Regular files written so far by (device, inode) of their source: a second name of
    /// the same source file becomes a hard link, as in the source.
    var written: [FileIdentity: String] = [:]
    /// Folders whose times are set last: writing into a folder moves its mtime.
    var folderTimes: [(host: String, info: stat)] = []

    struct FileIdentity: Hashable {
        var device: UInt64, inode: UInt64
    }

    init(layer: String, base: LayeredTree, owner: (uid: UInt32, gid: UInt32)?, chmod: FileModeChange?) throws(ContextError) {
        do {
            root = try FileIO.realpath(layer)
        } catch {
            throw ContextError("the layer folder \(layer) is missing: \(error)")
        }
        view = LayeredTree(layers: base.layers + [root])
        self.owner = owner
        self.chmod = chmod
    }

    /// Whether `path` is a folder in the image (through symlinks).
    func isFolder(_ path: String) -> Bool {
        ((try? view.resolve(path)).flatMap(view.entry))?.isDirectory == true
    }

    /// Makes sure the folder `path` exists in this layer, and returns its host path.
    /// A folder the image has is made here with its mode and owner (overlayfs's copy-up);
    /// a new one gets 0755 and the `--chown` owner or root.
    mutating func folder(_ path: String) throws(ContextError) -> String {
        let names = try view.resolve(path)
        var host = root
        for index in names.indices {
            host += "/" + names[index]
            if let info = FileIO.lstat(host) {
                guard info.st_mode & S_IFMT == S_IFDIR else { throw notFolder(path, names[...index]) }
                continue
            }
            if let existing = view.entry(Array(names[...index])) {
                guard existing.isDirectory else { throw notFolder(path, names[...index]) }
                try makeFolder(host, mode: UInt32(existing.info.st_mode & 0o7777),
                               uid: existing.info.st_uid, gid: existing.info.st_gid,
                               note: "COPY: /\(existing.path) of the image, made in the new layer to add to it")
            } else {
                let ids = owner ?? (0, 0)
                try makeFolder(host, mode: 0o755, uid: ids.uid, gid: ids.gid, note: "COPY: a missing parent folder")
            }
        }
        return host
    }

    private func notFolder(_ path: String, _ names: ArraySlice<String>) -> ContextError {
        ContextError("cannot copy to \(path): /\(names.joined(separator: "/")) is not a directory",
                     hint: "the image has a file where the destination needs a folder")
    }

    private func makeFolder(_ host: String, mode: UInt32, uid: UInt32, gid: UInt32, note: String) throws(ContextError) {
        do {
            try Kernel.mkdir(host, mode: 0o700, note: note)
        } catch {
            throw ContextError("cannot make a folder in the layer: \(error)")
        }
        try setOwnerAndMode(host, uid: uid, gid: gid, mode: mode)
    }

    /// `lchown`, then `chmod` (in that order: chown clears setuid and setgid), through the
    /// traced kernel door: `--trace` shows who each file of the layer belongs to.
    func setOwnerAndMode(_ host: String, uid: UInt32, gid: UInt32, mode: UInt32?) throws(ContextError) {
        do {
            try Kernel.lchown(host, uid: uid, gid: gid, note: "the layer's file gets the owner COPY or WORKDIR gives it")
        } catch {
            throw ContextError("\(error)", hint: "giving files owners needs root")
        }
        guard let mode else { return }
        do {
            try Kernel.chmod(host, mode: mode, note: "the layer's file gets its mode")
        } catch {
            throw ContextError("\(error)")
        }
    }

    /// The host path for the file `path` names: its folder made, and whatever this
    /// layer had under that name removed (a folder stays when a folder is to be written).
    mutating func place(_ path: String, keepingFolder: Bool) throws(ContextError) -> String {
        let clean = GoPath.clean(path)
        guard let name = GoPath.components(clean).last else {
            throw ContextError("cannot copy a file to /: the root is a folder", hint: "end the destination with / to copy into it")
        }
        let host = try folder(DocklingCore.Path.parent(of: clean)) + "/" + name
        if let info = FileIO.lstat(host), !(keepingFolder && info.st_mode & S_IFMT == S_IFDIR) {
            do {
                try FileManager.default.removeItem(atPath: host)
            } catch {
                throw ContextError("cannot replace \(clean) in the layer: \(error)")
            }
        }
        return host
    }
}
