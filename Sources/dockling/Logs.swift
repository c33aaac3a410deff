import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling logs`: what the container wrote, from its json-file log, streams kept apart.
struct Logs: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Fetch the logs of a container.")

    @Flag(name: [.short, .customLong("follow")], help: "Follow log output until the container ends.")
    var follow = false
    @Option(name: [.customShort("n"), .customLong("tail")], help: "Number of lines to show from the end (or all).")
    var tail = "all"
    @Flag(name: [.short, .customLong("timestamps")], help: "Show timestamps.") var timestamps = false
    @Option(help: "Show logs since a time (2026-11-22T09:00:00Z) or a duration ago (42m).") var since: String?
    @Option(help: "Show logs before a time (2026-11-22T09:00:00Z) or a duration ago (42m).") var until: String?
    @OptionGroup var store: StoreOption
    @OptionGroup var trace: TraceOption
    @Argument(help: "The container.") var container: String

    func run() throws {
        try trace.apply()
        let records = ContainerStore(root: store.root)
        let record = try records.find(container)
        let log = ContainerLog(path: record.log)
        let now = Double(time(nil))
        let from = try since.map { try LogWindow.parse($0, now: now) }
        let to = try until.map { try LogWindow.parse($0, now: now) }
        var (lines, offset) = log.lines()
        lines = LogWindow.filter(lines, since: from, until: to)
        if tail != "all" {
            guard let count = Int(tail), count >= 0 else { throw ValidationError("invalid --tail \(tail)") }
            lines = Array(lines.suffix(count))
        }
        ContainerLog.show(lines, timestamps: timestamps)
        guard follow else { return }
        var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
        while true {
            let running = (try? records.load(record.id))?.state.status == .running
            let more = log.lines(from: offset)
            ContainerLog.show(LogWindow.filter(more.lines, since: from, until: to), timestamps: timestamps)
            offset = more.next
            if !running { return }
            nanosleep(&pause, nil)
        }
    }
}
