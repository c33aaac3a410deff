#if canImport(Glibc)
import Glibc
#endif

/// Finds what interrupted commands left in a store, changing nothing: scratch entries
/// under tmp/, half-made and half-removed container folders, and the cgroups of
/// containers whose monitor was killed. `system prune` removes what it finds; other
/// commands only mention it.
///
/// Work a live process is still doing never counts. Image writes and container creates
/// run under a lock, so their scratch counts only while that lock is free (tried, never
/// waited for); a name that carries its maker's pid counts only once that process is gone.
public struct LeftoverScan {
    public let root: StoreRoot

    public init(root: StoreRoot) { self.root = root }

    /// What the store holds of interrupted commands. Cgroups are looked for only among
    /// `containers` — the records a command has read anyway — since finding the
    /// containers whose monitor was killed means reading every container's state.
    public func run(containers: [ContainerRecord] = []) -> Leftovers {
        Leftovers(
            scratch: whileFree(root.imagesLock, imageScratch) + strayScratch(),
            containerFolders: whileFree(root.containersLock, { abandonedContainerFolders().map(\.path) }),
            crashedContainers: containers.filter {
                $0.monitorKilled && !ContainerCgroups.remaining(id: $0.id, folder: $0.directory).isEmpty
            }.map(\.id))
    }

    /// The image store's scratch entries: see `ImageStore.scratchNames`.
    private func imageScratch() -> [String] {
        ImageStore.scratchNames(in: root).map { root.tmp + "/" + $0 }
    }

    /// The `.new-` and `.gone-` folders under containers/ whose maker is gone. Right only
    /// while containers/.lock is held: a create holds it while its folder is `.new-`.
    func abandonedContainerFolders() -> [UnfinishedContainerFolder] {
        Path.children(of: root.containers).compactMap(UnfinishedContainerFolder.init).filter { folder in
            folder.maker.map { !Self.isAlive($0, making: folder.path) } ?? true
        }
    }

    /// The entries of tmp/ outside the image store's whose maker — the pid their name
    /// ends in (`rootfs-busybox-1234`) — is gone. `unattributed` adds the entries whose
    /// name names no maker, such as a detached dockling-stdio's log: prune removes those
    /// too, but they are no sign of an interrupted command.
    func strayScratch(includingUnattributed unattributed: Bool = false) -> [String] {
        Path.children(of: root.tmp).filter { path in
            let name = Path.base(of: path)
            guard !name.hasPrefix(ImageStore.scratchPrefix) else { return false }
            guard let pid = name.split(separator: "-").last.flatMap({ pid_t($0) }), pid > 0 else { return unattributed }
            return !Self.isAlive(pid, making: path)
        }
    }

    /// `list()` as it is while no one holds `lock`: empty when its first look finds
    /// nothing (no lock is even tried) or when someone holds the lock, so is at work.
    private func whileFree(_ lock: String, _ list: () -> [String]) -> [String] {
        guard !list().isEmpty else { return [] }
        return (try? FileLock.ifFree(lock, note: "is a dockling at work? (leftovers are looked for only if not)", list)) ?? []
    }

    private static func isAlive(_ pid: pid_t, making path: String) -> Bool {
        Kernel.processExists(pid, note: "is the maker of \(Path.base(of: path)) still running?")
    }
}
