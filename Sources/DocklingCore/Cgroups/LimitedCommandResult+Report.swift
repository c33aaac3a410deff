#if canImport(Glibc)
import Glibc
#endif

// The report after a run: one fact per line, read from the cgroup's own files.

extension LimitedCommandResult {
    /// Lines for the learner. Indented lines are facts; the others stand on their own
    /// (the tool prefixes them with its name).
    public var report: [String] {
        var lines = ["what the kernel counted in the command's cgroup:"]
        func row(_ label: String, _ value: String) {
            lines.append("  " + (label + ":").padding(to: 18) + value)
        }
        if let peak = stats.memoryPeak {
            row("memory peak", Self.mebibytes(peak) + (limits.memory.map { " (limit \(Self.mebibytes(UInt64($0))))" } ?? ""))
        }
        if limits.memory != nil, let hits = stats.memoryLimitHits {
            row("memory limit hit", Self.count(hits, "time"))
        }
        if let kills = stats.oomKills {
            row("OOM killer", kills == 0 ? "did not fire" : "fired, \(Self.count(kills, "process")) killed")
        }
        if let cpu = stats.cpuTime {
            let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let share = wall > 0 ? Double(cpu) / 1e9 / wall : 0
            row("CPU time", "\(Self.fixed(Double(cpu) / 1e9, 2)) s in \(Self.fixed(wall, 2)) s: \(Self.fixed(share, 2)) of one CPU")
        }
        if let quota = limits.cpuQuota, let periods = stats.cpuPeriods, let throttled = stats.cpuThrottledPeriods {
            let time = (stats.cpuThrottledTime).map { ", \(Self.fixed(Double($0) / 1e9, 2)) s waiting" } ?? ""
            row("CPU throttled", "in \(throttled) of \(periods) periods of \(quota.period / 1000) ms\(time)")
        }
        if let peak = stats.pidsPeak {
            let limit = limits.pids.flatMap { if case .limit(let n) = $0 { " (limit \(n))" } else { nil } } ?? ""
            row("processes peak", "\(peak)\(limit)")
        }
        if limits.pids != nil, let refused = stats.forksRefused {
            row("forks refused", "\(refused)")
        }
        if leftovers > 0 {
            row("left running", "\(Self.count(UInt64(leftovers), "process")), killed so the cgroup could be removed")
        }
        lines += notes.map { "note: " + $0 }
        if let stopSignal {
            lines.append("stopped by \(Signals.name(stopSignal)): the command's processes were killed and its cgroup removed")
        } else if oomKilled {
            let cause = limits.memory.map { "it needed more than its \(Self.mebibytes(UInt64($0))) memory limit" }
                ?? "the machine ran out of memory"
            lines.append("the OOM killer ended the command: \(cause), so the kernel killed it with SIGKILL (exit 137)")
        } else if case .signaled(let signal) = status {
            lines.append("the command was ended by \(Signals.name(signal)) (exit \(status.exitCode))")
        }
        return lines
    }

    /// `31.9 MiB`.
    static func mebibytes(_ bytes: UInt64) -> String {
        fixed(Double(bytes) / 1_048_576, 1) + " MiB"
    }

    /// `1 process`, `19 processes`.
    static func count(_ n: UInt64, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)\(noun.hasSuffix("s") ? "es" : "s")"
    }

    /// `value` with `places` decimals (FoundationEssentials has no String(format:)).
    static func fixed(_ value: Double, _ places: Int) -> String {
        let scale = Int(pow(10, Double(places)))
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
