import ArgumentParser
import DocklingCLI
import DocklingCore
#if canImport(Glibc)
import Glibc
#endif

/// `dockling logs`: what the container wrote, from its json-file log, streams kept apart.
struct Logs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fetch the logs of a container.")

    @Flag(name: [.short, .customLong("follow")], help: "Follow log output until the container ends.")
    var follow = false
    @Option(name: [.customShort("n"), .customLong("tail")], help: "Number of lines to show from the end (or all).")
    var tail = "all"
    @Flag(name: [.short, .customLong("timestamps")], help: "Show timestamps.") var timestamps = false
    @OptionGroup var store: StoreOption
    @Argument(help: "The container.") var container: String

    func run() throws {
        let records = ContainerStore(root: store.root)
        let record = try records.find(container)
        let log = ContainerLog(path: record.log)
        var (lines, offset) = log.lines()
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
            ContainerLog.show(more.lines, timestamps: timestamps)
            offset = more.next
            if !running { return }
            nanosleep(&pause, nil)
        }
    }
}
