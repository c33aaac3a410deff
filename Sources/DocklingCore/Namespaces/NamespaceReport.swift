/// The table `dockling-namespaces` prints before the command runs: for each kind,
/// the host's namespace and the container's, by inode number.
public enum NamespaceReport {
    public static func render(chosen: [NamespaceKind], containerPID: Int32, mapping: IDMapping?) -> String {
        var lines = ["namespaces of pid \(containerPID) (inode numbers from /proc/PID/ns):",
                     "  " + "kind".padding(to: 8) + "host".padding(to: 13) + "container"]
        for kind in NamespaceKind.allCases {
            let host = NamespaceIdentity.inode(of: kind).map(String.init) ?? "?"
            let mine = NamespaceIdentity.inode(of: kind, pid: String(containerPID)).map(String.init) ?? "?"
            var verdict = host == mine ? "shared with the host" : "new: \(kind.isolates)"
            if kind == .user, host != mine, let mapping {
                verdict += " (container root is host uid \(mapping.outside))"
            }
            lines.append("  " + kind.procName.padding(to: 8) + host.padding(to: 13) + mine.padding(to: 13) + verdict)
        }
        if !chosen.contains(.mount) {
            lines.append("no mount namespace: the command sees the host's filesystem")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
