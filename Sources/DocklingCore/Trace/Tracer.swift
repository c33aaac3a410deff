// The trace sink: configured once at start-up, inherited by child processes.

#if canImport(Glibc)
import Glibc
#endif

/// The process-wide trace sink.
///
/// It is configured once, before any thread starts, from `--trace[=all|json]` or the
/// environment (`DOCKLING_TRACE`, `DOCKLING_TRACE_FILE`, and `DOCKLING_TRACE_FD`, which
/// a parent sets for the children it starts).
///
/// Every process writes its events as JSON lines, each stamped with the time it happened,
/// one write(2) per line into a file opened for appending, so lines from several
/// processes never interleave. Who shows them to a person merges them by time, groups
/// them by step and fits them to the screen (`TraceView`): the process the learner gave
/// `--trace` to (its children write into the file it collects in, and it shows the view
/// when it ends — or earlier, see `showSoFar`), or the tour, which reads the file a
/// step's commands wrote.
public final class Tracer: @unchecked Sendable {
    /// Environment variables that carry the sink to child processes.
    public enum Environment {
        public static let mode = "DOCKLING_TRACE"
        public static let file = "DOCKLING_TRACE_FILE"
        public static let fd = "DOCKLING_TRACE_FD"
        public static let all = [mode, file, fd]
    }

    public private(set) var mode: TraceMode
    /// The concept step new events are filed under.
    public var step = "dockling"
    /// The store's root: the view shows paths beneath it as `<store>/…`.
    public var storeRoot: String?
    /// When this process's latest traced call was made: a child's exec that waited for
    /// our go-ahead happened after it.
    public private(set) var lastCallTime: UInt64 = 0

    private var sinkFD: Int32
    /// Whether this process shows the view of its own and its children's events.
    private let collects: Bool
    /// Where the view goes: stderr, or the file DOCKLING_TRACE_FILE names.
    private let viewFD: Int32
    /// How much of the collection has been shown already.
    private var shownBytes = 0
    private var count = 0
    private var childClocks = ChildClocks()

    nonisolated(unsafe) public static var shared = Tracer(environment: ProcessEnvironment.value)

    /// `sink` is where events go; a view mode with no sink collects them to show itself.
    init(mode: TraceMode = .off, sink: Int32? = nil, viewFD: Int32 = 2) {
        self.mode = mode
        self.collects = mode.isView && sink == nil
        self.sinkFD = sink ?? (mode.isView ? -1 : 2)
        self.viewFD = viewFD
    }

    /// Configured from the variables `env` looks up.
    convenience init(environment env: (String) -> String?) {
        let mode = env(Environment.mode).flatMap(TraceMode.init(flagValue:)) ?? .off
        var sink: Int32?
        var viewFD: Int32 = 2
        if let inherited = env(Environment.fd).flatMap(Int32.init), fcntl(inherited, F_GETFD) >= 0 {
            sink = inherited
        } else if mode != .off, let path = env(Environment.file) {
            let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            if opened >= 0 {
                // A view is shown into the file when this process ends; events go there as they come.
                if mode.isView { viewFD = opened } else { sink = opened }
            }
        }
        self.init(mode: mode, sink: sink, viewFD: viewFD)
    }

    /// Applies `--trace[=MODE]` from the command line; the flag wins over the environment.
    /// A process that inherited a sink keeps writing its events there: whoever gave it
    /// that sink shows them.
    public static func configure(flag: TraceMode?) {
        guard let flag else { return }
        let current = shared
        let inherited = current.collects || current.mode == .off ? nil : current.sinkFD
        shared = Tracer(mode: flag, sink: flag == .off ? 2 : inherited, viewFD: current.viewFD)
        shared.storeRoot = current.storeRoot
    }

    public var isOn: Bool { mode != .off }

    /// The descriptor events are written to; children get it as DOCKLING_TRACE_FD.
    public var fd: Int32 {
        if collects && sinkFD < 0 { sinkFD = TraceCollection.make(onExit: { Tracer.shared.showSoFar() }) }
        return sinkFD
    }

    /// Writes one event to the sink, stamped now unless it carries its own time.
    public func emit(_ event: TraceEvent) {
        guard isOn else { return }
        var event = event
        if event.time == 0 { event.time = TraceClock.now() }
        count += 1
        event.seq = count
        Output.write(event.jsonLine(), to: fd)
    }

    /// A line of explanation between calls, for people; a remark event in JSON.
    public func say(_ line: String) {
        guard isOn else { return }
        emit(.remark(line, pid: getpid(), step: step))
    }

    /// Remembers when a traced call was made (see `lastCallTime`).
    func noteCall(at time: UInt64) { lastCallTime = time }

    /// Remembers when the clone that started `pid` was made: the calls it makes before
    /// its exec are stamped just after it (see `ChildClocks`).
    func noteSpawn(_ pid: Int32, at time: UInt64) { childClocks.spawned(pid, at: time) }

    /// The time of the next call `pid` made in the trampoline, and of its execve.
    func childCallTime(_ pid: Int32) -> UInt64 { childClocks.nextCall(pid) ?? TraceClock.now() }
    func childExecTime(_ pid: Int32) -> UInt64? { childClocks.exec(pid) }

    /// What a child process needs in its environment to write to this sink as
    /// descriptor `childFD`. It writes events; we show them.
    public func childEnvironment(childFD: Int32) -> [String: String] {
        guard isOn else { return [:] }
        return [
            Environment.mode: TraceMode.json.rawValue,
            Environment.fd: String(childFD),
        ]
    }

    /// Shows the view of the events collected since the last time, when this process
    /// collects: at its end, and before a wait that may last (a container's command
    /// running), so that a long-running container does not hold its trace back.
    public func showSoFar() {
        guard collects, sinkFD >= 0 else { return }
        let (text, end) = TraceCollection.read(sinkFD, from: shownBytes)
        shownBytes = end
        guard !text.isEmpty else { return }
        let terminal = Kernel.windowSize(viewFD).flatMap { $0.columns > 0 ? $0 : nil }
        let width = terminal.map { Int($0.columns) } ?? ProcessEnvironment.value("COLUMNS").flatMap(Int.init)
        let height = terminal.map { Int($0.rows) } ?? ProcessEnvironment.value("LINES").flatMap(Int.init)
        let lines = TraceView.render(text: text, width: width ?? Self.defaultWidth, whole: mode == .all,
                                     height: height ?? TraceView.screenLines,
                                     storeRoot: storeRoot ?? StoreRoot.resolve(option: nil).path,
                                     color: isatty(viewFD) == 1)
        Output.write(lines.map { $0 + "\n" }.joined(), to: viewFD)
    }

    /// The width a view is fitted to when it goes to no terminal and $COLUMNS is unset:
    /// a wide terminal, the one the tour's lessons are written for.
    static let defaultWidth = 160
}
