// Creating and removing the run's cgroup under the v2 rules (Documentation/admin-guide/
// cgroup-v2.rst, "Top-down Constraint" and "No Internal Process Constraint"):
//  - a cgroup can enable a controller for its children only if its parent enabled it;
//  - a non-root cgroup may hold processes or enable controllers for children, not both.
// So when the caller's cgroup must enable controllers and holds the caller itself, the
// caller moves down into a leaf beside the run's cgroup (still inside the subtree it
// started in), and moves back before that leaf is removed.

extension CgroupV2Driver {
    public func create() throws {
        let available = words(parent + "/cgroup.controllers")
        if let missing = controllerNames.first(where: { !available.contains($0) }) {
            throw CgroupError("the \(missing) controller is not available in \(parent)",
                              hint: "its cgroup.controllers does not list it: the cgroup above did not delegate it")
        }
        let active = words(parent + "/cgroup.subtree_control")
        let toEnable = controllerNames.filter { !active.contains($0) }
        if !toEnable.isEmpty {
            if !isRoot(parent) { try vacateParent() }
            try write([CgroupFileWrite(parent + "/cgroup.subtree_control",
                                       toEnable.map { "+" + $0 }.joined(separator: " "),
                                       note: "hand these controllers down: a v2 cgroup gets only what its parent enables")])
            enabled = toEnable
        }
        try makeDirectory(directory, note: "a new cgroup for the run, beneath the cgroup dockling runs in")
        created = true
    }

    public func remove() throws {
        var failure = FirstFailure()
        if created {
            failure.attempt {
                try removeDirectory(directory, note: "the run is over and its cgroup is empty: remove it")
                created = false
            }
        }
        if !enabled.isEmpty, !parentHasOtherChildren {
            failure.attempt {
                try write([CgroupFileWrite(parent + "/cgroup.subtree_control",
                                           enabled.map { "-" + $0 }.joined(separator: " "),
                                           note: "no child needs these controllers now: leave the parent as dockling found it")])
                enabled = []
            }
        }
        if let leaf = supervisor {
            failure.attempt {
                try move(callerPID, into: [parent], note: "dockling moves back up to the cgroup it started in")
                try removeDirectory(leaf, note: "dockling's own leaf cgroup is empty again: remove it")
                supervisor = nil
            }
        }
        try failure.throwIfAny()
    }

    /// Empties the parent of processes so it may enable controllers: only the caller may
    /// be there, and it moves into a leaf of its own. Anything else there is not dockling's
    /// to move, so dockling refuses before creating anything.
    private func vacateParent() throws {
        let inside = processes(in: parent)
        let others = inside.filter { $0 != callerPID }
        guard others.isEmpty else {
            throw CgroupError("\(parent) holds other processes (\(others.map(String.init).joined(separator: " "))), so it cannot hand controllers to a new cgroup",
                              hint: "a v2 cgroup may hold processes or give controllers to children, not both; start dockling in a cgroup of its own: systemd-run --scope -p Delegate=yes dockling-cgroups …")
        }
        guard inside.contains(callerPID) else { return }
        let leaf = directory + "-supervisor"
        try makeDirectory(leaf, note: "a leaf for dockling itself: its cgroup must hold no process before it can enable controllers")
        supervisor = leaf
        try move(callerPID, into: [leaf], note: "dockling moves itself down into its leaf, staying inside the subtree it started in")
    }

    /// Only the root cgroup has no `cgroup.type`; it is exempt from the no-internal-processes rule.
    private func isRoot(_ path: String) -> Bool {
        !kernel.exists(path + "/cgroup.type", note: "is this the root cgroup? only the root has no cgroup.type")
    }

    /// Whether live cgroups other than dockling's own leaf remain beneath the parent
    /// (removed cgroups count as dying, not as descendants). When unsure, assume so.
    private var parentHasOtherChildren: Bool {
        guard let descendants = keyed(parent + "/cgroup.stat")["nr_descendants"] else { return true }
        return descendants > (supervisor == nil ? 0 : 1)
    }

    private func words(_ path: String) -> [String] {
        ((try? kernel.read(path)) ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
