import Foundation

/// The host's processes as /proc shows them, for tests that check what is left running.
enum HostProcesses {
    /// Pids whose command line is exactly `sleep <argument>` (a marker a test chose).
    static func sleepers(_ argument: String) -> [pid_t] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.compactMap { pid in
            guard let number = pid_t(pid),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let words = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words == ["sleep", argument] ? number : nil
        }
    }

    /// The process group of `pid` (field 5 of /proc/PID/stat): the group a terminal
    /// would send Ctrl-C to.
    static func processGroup(_ pid: pid_t) -> pid_t? { statField(5, of: pid) }

    /// The parent of `pid` (field 4 of /proc/PID/stat): for a container's PID 1, its monitor.
    static func parent(_ pid: pid_t) -> pid_t? { statField(4, of: pid) }

    /// A pid-valued field of /proc/PID/stat, counted from 1 as proc(5) does. Fields
    /// after the command name, which may hold spaces, are counted from its ") ".
    private static func statField(_ field: Int, of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.range(of: ") ", options: .backwards) else { return nil }
        return stat[close.upperBound...].split(separator: " ").dropFirst(field - 3).first.flatMap { pid_t($0) }
    }

    /// Polls `condition` for up to five seconds.
    static func waitFor(_ condition: () -> Bool) -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }
}
