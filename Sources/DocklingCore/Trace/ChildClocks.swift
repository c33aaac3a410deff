/// Times for what a child did between fork and exec, which only its parent reports.
///
/// No Swift runs in the child of the C trampoline, so nothing there can read the clock
/// and trace. Its calls (dup2, setsid…) and its execve really happened after the clone
/// that made it began and before anything the new program does, which takes a fresh
/// process far more than the few nanoseconds used here. So they are stamped clone+1,
/// clone+2, … and the execve clone+64 — a time provably between the right neighbours,
/// never the (later) time of the report.
struct ChildClocks {
    /// The nanoseconds after the clone where the execve is put.
    static let execOffset: UInt64 = 64
    private var children: [Int32: (clone: UInt64, calls: UInt64)] = [:]

    mutating func spawned(_ pid: Int32, at time: UInt64) {
        children[pid] = (time, 0)
    }

    mutating func nextCall(_ pid: Int32) -> UInt64? {
        guard let child = children[pid], child.calls + 1 < Self.execOffset else { return nil }
        children[pid]?.calls += 1
        return child.clone + child.calls + 1
    }

    func exec(_ pid: Int32) -> UInt64? {
        children[pid].map { $0.clone + Self.execOffset }
    }
}
