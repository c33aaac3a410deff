#if canImport(Glibc)
import Glibc
#endif

/// The cgroups named after a stopped container, `dockling-<id>` in every hierarchy.
/// Its monitor removes them when the container ends; a monitor killed with SIGKILL
/// cannot, so they go when the container itself goes (`rm`, prune).
///
/// Only the ids of this store's own containers are ever looked for: every store's
/// cgroups sit side by side under the caller's cgroup, and another store's running
/// container must never be taken for a leftover of this one.
enum ContainerCgroups {
    /// Kills what is left in the cgroups of `ids` and removes them; returns the
    /// directories removed. One still busy (a monitor finishing) is its monitor's to
    /// remove; where no cgroups can be found, no container can have made any.
    static func removeLeftovers(of ids: [String]) -> [String] {
        guard !ids.isEmpty, let layout = try? CgroupLayout.detect() else { return [] }
        let parents = Set(Array(layout.v1Directories.values) + [layout.v2Directory].compactMap { $0 })
        var removed: [String] = []
        for parent in parents {
            for id in ids {
                let dir = parent + "/dockling-" + id
                guard let procs = try? Kernel.readFile(dir + "/cgroup.procs") else { continue }
                for pid in procs.split(separator: "\n").compactMap({ pid_t($0) }) {
                    try? Kernel.kill(pid, SIGKILL, note: "a process left in a dead container's cgroup")
                }
                if (try? Kernel.rmdir(dir, note: "a cgroup whose container is gone")) != nil { removed.append(dir) }
            }
        }
        return removed
    }
}
